package io.sluice.server.rest;

import io.javalin.http.Context;
import io.sluice.server.results.QueryResults;
import io.sluice.server.results.ResultFormat;
import io.sluice.server.results.ResultStreamer;
import io.sluice.server.results.SelectRefusedException;
import io.sluice.server.results.SelectRunner;
import io.sluice.server.results.TooManyPushQueriesException;
import java.io.IOException;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a SELECT for an HTTP request and streams its results in a format (a pull query's answer,
 * complete at once, goes in one write with its length): 400 with the statement error for a refused
 * query, 429 past the push query limit. The query is closed when its results
 * end, when the client goes away, or when the server stops.
 */
final class SelectResponses {

  private static final Logger LOG = LoggerFactory.getLogger(SelectResponses.class);

  private SelectResponses() {}

  static void stream(Context ctx, SelectRunner runner, String sql, Map<String, String> properties,
      ResultFormat format, BooleanSupplier running) {
    QueryResults results;
    try {
      results = runner.run(sql, properties);
    } catch (SelectRefusedException e) {
      ctx.status(400).json(e.error());
      return;
    } catch (TooManyPushQueriesException e) {
      ErrorHandling.send(ctx, 429, e.getMessage());
      return;
    }
    try (results) {
      ctx.contentType(format.contentType());
      results.responseHeaders().forEach(ctx::header);
      if (results.complete()) {
        try (WholeBody body = new WholeBody(ctx.res())) {
          ResultStreamer.stream(results, format, body, running);
        }
      } else {
        // The servlet's own stream: Javalin's may hold small writes back to decide on compression.
        ResultStreamer.stream(results, format, ctx.res().getOutputStream(), running);
      }
    } catch (IOException e) {
      LOG.debug("Client of query {} went away: {}", results.queryId(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.sluice.server.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.sluice.server.ServerContext;
import io.sluice.server.results.QueryResults;
import io.sluice.server.results.SelectRefusedException;
import io.sluice.server.results.SelectRunner;
import io.sluice.server.results.TooManyPushQueriesException;
import io.sluice.server.results.WebSocketFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /ws/query?request=<JSON>}: ksqlDB's WebSocket query endpoint. The request parameter is
 * the URL-encoded {@code {"ksql":...,"streamsProperties":{...}}}; the server sends the frames of
 * {@link WebSocketFormat}, one thread per query, and closes the socket when the results end
 * (1000, with the final message as reason), when the query fails (1011), or refuses it (1003, after
 * a frame with the statement error). The client closing the socket stops the query.
 */
public final class WebSocketQueryRoutes implements RestRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketQueryRoutes.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final int MAX_REASON_CHARS = 120;

  private final SelectRunner selects;
  private final BooleanSupplier running;
  private final Map<String, QueryResults> bySession = new ConcurrentHashMap<>();

  public WebSocketQueryRoutes(SelectRunner selects, BooleanSupplier running) {
    this.selects = selects;
    this.running = running;
  }

  @Override
  public void addTo(RoutesConfig routes, ServerContext context) {
    routes.ws("/ws/query", ws -> {
      ws.onConnect(this::connected);
      ws.onClose(ctx -> closed(ctx.sessionId()));
      ws.onError(ctx -> closed(ctx.sessionId()));
    });
  }

  private void connected(WsConnectContext ctx) {
    String request = ctx.queryParam("request");
    KsqlRoutes.KsqlRequest parsed = KsqlRoutes.KsqlRequest.parse((request == null ? "" : request).getBytes(StandardCharsets.UTF_8));
    if (parsed.error() != null) {
      refuse(ctx, toJson(ErrorMessage.generic(400, "The request parameter must be "
          + "{\"ksql\":...,\"streamsProperties\":{...}} as URL-encoded JSON")), "bad request");
      return;
    }
    QueryResults results;
    try {
      results = selects.run(parsed.ksql(), parsed.streamsProperties());
    } catch (SelectRefusedException e) {
      refuse(ctx, toJson(e.error()), e.getMessage());
      return;
    } catch (TooManyPushQueriesException e) {
      refuse(ctx, toJson(ErrorMessage.generic(429, e.getMessage())), e.getMessage());
      return;
    }
    bySession.put(ctx.sessionId(), results);
    Thread sender = new Thread(() -> send(ctx, results), "ws-" + results.queryId());
    sender.setDaemon(true);
    sender.start();
  }

  private void send(WsContext ctx, QueryResults results) {
    try (results) {
      ctx.send(WebSocketFormat.schemaFrame(results));
      while (!results.ended() && running.getAsBoolean()) {
        Object[] row = results.poll(POLL);
        if (row != null) {
          ctx.send(WebSocketFormat.rowFrame(results, row));
        }
      }
      if (results.failure() != null) {
        ctx.closeSession(WsCloseStatus.SERVER_ERROR, reason(results.failure()));
      } else {
        String message = results.finalMessage();
        ctx.closeSession(WsCloseStatus.NORMAL_CLOSURE, message == null ? "" : message);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("WebSocket client of query {} went away: {}", results.queryId(), e.toString());
    } finally {
      bySession.remove(ctx.sessionId());
    }
  }

  private void closed(String sessionId) {
    QueryResults results = bySession.remove(sessionId);
    if (results != null) {
      results.close();
    }
  }

  private static void refuse(WsContext ctx, String errorJson, String reason) {
    ctx.send(errorJson);
    ctx.closeSession(WsCloseStatus.UNSUPPORTED_DATA, reason(reason));
  }

  private static String toJson(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A close reason short enough for a close frame (123 bytes at most). */
  private static String reason(String message) {
    String text = message == null ? "" : message;
    while (text.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_CHARS) {
      text = text.substring(0, text.length() - 1);
    }
    return text;
  }
}

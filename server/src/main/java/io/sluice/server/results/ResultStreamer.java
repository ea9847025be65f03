package io.sluice.server.results;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.server.rest.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Writes query results to an HTTP response in a {@link ResultFormat}, flushing after each row so
 * that each reaches the client at once, until the results end or the server stops; results that are
 * {@linkplain QueryResults#complete() complete} are written without a flush per row. A write to a
 * client that went away throws; the caller then closes the results.
 */
public final class ResultStreamer {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final long KEEP_ALIVE_NANOS = Duration.ofSeconds(1).toNanos();

  private ResultStreamer() {}

  public static void stream(QueryResults results, ResultFormat format, OutputStream out, BooleanSupplier running)
      throws IOException, InterruptedException {
    // Closed at the end so that its buffers go back to Jackson's pool; the stream stays open.
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
      write(results, format, g, running);
    }
  }

  private static void write(QueryResults results, ResultFormat format, JsonGenerator g, BooleanSupplier running)
      throws IOException, InterruptedException {
    g.setRootValueSeparator(null);
    format.header(g, results);
    if (!results.complete()) {
      g.flush();
    }
    boolean flushEachRow = !results.complete();
    long rows = 0;
    long idleSince = System.nanoTime();
    while (!results.ended() && running.getAsBoolean()) {
      Object[] row = results.poll(POLL);
      if (row != null) {
        format.row(g, results, row, rows++);
        if (flushEachRow) {
          g.flush();
        }
        idleSince = System.nanoTime();
      } else if (format.keepAlive() != null && System.nanoTime() - idleSince > KEEP_ALIVE_NANOS) {
        g.writeRaw(format.keepAlive());
        g.flush();
        idleSince = System.nanoTime();
      }
    }
    format.end(g, results, rows);
    g.flush();
  }
}

package io.sluice.server.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.SourceDescriptor;
import io.sluice.runtime.serde.ValueCodec;
import io.sluice.server.ServerContext;
import io.sluice.server.engine.EngineComponent;
import io.sluice.server.statement.StatementException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /inserts-stream}: ksqlDB's streaming inserts. The body is a first line
 * {@code {"target":"STREAM"}}, then one JSON object per line with a field per column (names match
 * case-insensitively, values in the JSON format's encodings). Each row is written as
 * {@code INSERT INTO ... VALUES} writes it, and acknowledged on its own line once the broker has it:
 * {@code {"status":"ok","seq":n}}, or {@code {"status":"error","seq":n,"error_code":40000,"message":...}}
 * for a row that cannot be read or written; later rows still go in.
 */
public final class InsertsStreamRoutes implements RestRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(InsertsStreamRoutes.class);

  private final EngineComponent engine;

  public InsertsStreamRoutes(EngineComponent engine) {
    this.engine = engine;
  }

  @Override
  public void addTo(RoutesConfig routes, ServerContext context) {
    routes.post("/inserts-stream", this::handle);
  }

  private void handle(Context ctx) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(ctx.req().getInputStream(), StandardCharsets.UTF_8));
    String first = lines.readLine();
    JsonNode target;
    try {
      target = first == null ? null : Json.mapper().readTree(first);
    } catch (IOException e) {
      target = null;
    }
    if (target == null || !target.path("target").isTextual()) {
      ErrorHandling.send(ctx, 400, "The first line of the body must be {\"target\":\"<stream name>\"}");
      return;
    }
    String name = target.get("target").asText();
    Optional<SourceDescriptor> found = engine.engine().catalog().source(name)
        .or(() -> engine.engine().catalog().source(name.toUpperCase(Locale.ROOT)));
    if (found.isEmpty() || found.get().isTable()) {
      ErrorHandling.send(ctx, 400, found.isEmpty() ? "Cannot insert into an unknown stream: " + name
          : "Cannot insert into " + name + ": it is a table; /inserts-stream writes streams");
      return;
    }
    SourceDescriptor stream = found.get();
    ValueCodec rows = ValueCodec.of(stream.schema().columns(), SerdeFormat.JSON);
    ctx.contentType("application/json");
    OutputStream out = ctx.res().getOutputStream();
    JsonGenerator g = Json.mapper().getFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.setRootValueSeparator(null);
    long seq = 0;
    String line;
    try {
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String error = insert(stream, rows, line);
        g.writeStartObject();
        g.writeStringField("status", error == null ? "ok" : "error");
        g.writeNumberField("seq", seq++);
        if (error != null) {
          g.writeNumberField("error_code", 40000);
          g.writeStringField("message", error);
        }
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
      }
    } catch (IOException e) {
      LOG.debug("Inserts stream into {} ended early: {}", name, e.toString());
    }
    g.flush();
  }

  /** Writes one JSON object line as a row; the reason it could not, or null. */
  private String insert(SourceDescriptor stream, ValueCodec rows, String line) {
    Object[] row;
    try {
      row = rows.deserialize(line.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return "Cannot read the row: " + e.getMessage();
    }
    try {
      engine.insertValues().insert(stream, row);
      return null;
    } catch (StatementException e) {
      return e.getMessage();
    } catch (RuntimeException e) {
      return "Cannot write the row: " + e.getMessage();
    }
  }
}

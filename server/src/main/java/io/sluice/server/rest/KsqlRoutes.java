package io.sluice.server.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.server.ServerContext;
import io.sluice.server.engine.EngineComponent;
import io.sluice.server.entity.KsqlEntity;
import io.sluice.server.entity.StatementErrorEntity;
import io.sluice.server.statement.StatementExecutor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /ksql}: runs statements and answers with ksqlDB's entity array, or a 400 statement error. */
public final class KsqlRoutes implements RestRoutes {

  private static final ObjectWriter ENTITIES = Json.mapper().writerFor(new TypeReference<List<KsqlEntity>>() {});

  private final EngineComponent engine;

  public KsqlRoutes(EngineComponent engine) {
    this.engine = engine;
  }

  @Override
  public void addTo(RoutesConfig routes, ServerContext context) {
    routes.post("/ksql", this::handle);
  }

  private void handle(Context ctx) throws JsonProcessingException {
    KsqlRequest request = KsqlRequest.parse(RequestBodies.bytes(ctx));
    if (request.error() != null) {
      ctx.status(400).json(StatementErrorEntity.of(StatementErrorEntity.BAD_STATEMENT, request.error(), "", 0, 0, List.of()));
      return;
    }
    StatementExecutor.Outcome outcome = engine.executor().execute(request.ksql(), request.streamsProperties());
    if (outcome instanceof StatementExecutor.Failure failure) {
      ctx.status(failure.error().errorCode() >= StatementErrorEntity.SERVER_ERROR ? 500 : 400).json(failure.error());
    } else {
      // Written with the declared element type, so that each entity carries its @type.
      ctx.contentType("application/json").result(ENTITIES.writeValueAsString(((StatementExecutor.Success) outcome).entities()));
    }
  }

  /** The body of {@code /ksql} and {@code /query}: statements and per-request properties, or why it is unreadable. */
  record KsqlRequest(String ksql, Map<String, String> streamsProperties, String error) {

    static KsqlRequest parse(byte[] body) {
      JsonNode json;
      try {
        json = Json.mapper().readTree(body);
      } catch (Exception e) {
        return new KsqlRequest(null, Map.of(), "The request body is not valid JSON: " + e.getMessage());
      }
      if (json == null || !json.isObject() || !json.path("ksql").isTextual()) {
        return new KsqlRequest(null, Map.of(), "The request body needs a \"ksql\" field with the statements");
      }
      Map<String, String> properties = new LinkedHashMap<>();
      json.path("streamsProperties").fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          properties.put(e.getKey(), e.getValue().asText());
        }
      });
      return new KsqlRequest(json.get("ksql").asText(), properties, null);
    }
  }
}

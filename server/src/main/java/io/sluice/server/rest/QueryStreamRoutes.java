package io.sluice.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.server.ServerContext;
import io.sluice.server.results.PushQueries;
import io.sluice.server.results.QueryStreamFormat;
import io.sluice.server.results.SelectRunner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * ksqlDB's HTTP streaming API: {@code POST /query-stream} runs a SELECT and streams its rows in the
 * delimited form (or one JSON array for {@code Accept: application/json}), and
 * {@code POST /close-query} stops a push query by id.
 */
public final class QueryStreamRoutes implements RestRoutes {

  private final SelectRunner selects;
  private final PushQueries pushQueries;
  private final BooleanSupplier running;

  public QueryStreamRoutes(SelectRunner selects, PushQueries pushQueries, BooleanSupplier running) {
    this.selects = selects;
    this.pushQueries = pushQueries;
    this.running = running;
  }

  @Override
  public void addTo(RoutesConfig routes, ServerContext context) {
    routes.post("/query-stream", this::queryStream);
    routes.post("/close-query", this::closeQuery);
  }

  private void queryStream(Context ctx) {
    JsonNode body = readObject(ctx);
    if (body == null) {
      return;
    }
    if (!body.path("sql").isTextual()) {
      ErrorHandling.send(ctx, 400, "The request body needs a \"sql\" field with the query");
      return;
    }
    Map<String, String> properties = new LinkedHashMap<>();
    body.path("properties").fields().forEachRemaining(e -> {
      if (!e.getValue().isNull()) {
        properties.put(e.getKey(), e.getValue().asText());
      }
    });
    String accept = ctx.header("Accept");
    boolean jsonArray = accept != null && accept.contains("application/json")
        && !accept.contains(QueryStreamFormat.DELIMITED);
    SelectResponses.stream(ctx, selects, body.get("sql").asText(), properties, new QueryStreamFormat(jsonArray),
        running);
  }

  private void closeQuery(Context ctx) {
    JsonNode body = readObject(ctx);
    if (body == null) {
      return;
    }
    if (!body.path("queryId").isTextual()) {
      ErrorHandling.send(ctx, 400, "The request body needs a \"queryId\" field");
      return;
    }
    String queryId = body.get("queryId").asText();
    if (!pushQueries.close(queryId)) {
      ErrorHandling.send(ctx, 400, "No push query with id " + queryId + " is running on this server");
      return;
    }
    ctx.status(200).json(Map.of());
  }

  /** The body as a JSON object, or null after answering 400. */
  private static JsonNode readObject(Context ctx) {
    try {
      JsonNode body = Json.mapper().readTree(RequestBodies.bytes(ctx));
      if (body != null && body.isObject()) {
        return body;
      }
    } catch (Exception e) {
      ErrorHandling.send(ctx, 400, "The request body is not valid JSON: " + e.getMessage());
      return null;
    }
    ErrorHandling.send(ctx, 400, "The request body must be a JSON object");
    return null;
  }
}

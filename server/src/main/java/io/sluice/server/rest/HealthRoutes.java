package io.sluice.server.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.server.ServerContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /healthcheck}: 200 when every check passes, 503 otherwise, in ksqlDB's shape. */
public final class HealthRoutes implements RestRoutes {

  /** The state a serving node reports; a node only listens once it is ready. */
  static final String READY = "READY";

  /** One named check's result. */
  public record Detail(@JsonProperty("isHealthy") boolean isHealthy) {}

  /** The whole answer. */
  public record HealthReport(
      @JsonProperty("isHealthy") boolean isHealthy,
      @JsonProperty("details") Map<String, Detail> details,
      @JsonProperty("serverState") String serverState) {}

  @Override
  public void addTo(RoutesConfig routes, ServerContext context) {
    routes.get("/healthcheck", ctx -> answer(ctx, context.healthChecks()));
  }

  private static void answer(Context ctx, HealthChecks checks) {
    Map<String, Detail> details = new LinkedHashMap<>();
    boolean healthy = true;
    for (Map.Entry<String, Boolean> check : checks.evaluate().entrySet()) {
      details.put(check.getKey(), new Detail(check.getValue()));
      healthy &= check.getValue();
    }
    ctx.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(new HealthReport(healthy, details, READY));
  }
}

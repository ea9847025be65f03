package io.sluice.server.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.config.RoutesConfig;
import io.sluice.server.ServerContext;
import io.sluice.server.SluiceVersion;
import java.util.Map;

/** {@code GET /info}: the version, the Kafka cluster and the service id, in ksqlDB's shape. */
public final class InfoRoutes implements RestRoutes {

  /** The body under {@code KsqlServerInfo}. */
  public record ServerInfo(
      @JsonProperty("version") String version,
      @JsonProperty("kafkaClusterId") String kafkaClusterId,
      @JsonProperty("ksqlServiceId") String ksqlServiceId,
      @JsonProperty("serverStatus") String serverStatus,
      @JsonProperty("kafkaBootstrapServers") String kafkaBootstrapServers) {}

  @Override
  public void addTo(RoutesConfig routes, ServerContext context) {
    Map<String, ServerInfo> info =
        Map.of(
            "KsqlServerInfo",
            new ServerInfo(
                SluiceVersion.current(),
                context.kafkaClusterId(),
                context.config().serviceId(),
                "RUNNING",
                context.bootstrapServers()));
    routes.get("/info", ctx -> ctx.json(info));
  }
}

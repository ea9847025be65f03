package io.sluice.bench.agg;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.bench.SluiceRest;
import io.sluice.bench.e2e.Contender;
import io.sluice.server.SluiceServer;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.query.StreamsProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Sluice as users run it: a real server in this JVM on the benchmark's broker, given the source
 * stream and then the query as SQL over REST, with its default Kafka Streams settings.
 */
final class SluiceContender implements Contender {


  private final SluiceConfig config;
  private final BenchQuery query;
  private final String inputTopic;
  private final String outputTopic;
  private SluiceServer server;
  private String queryId;

  SluiceContender(String bootstrapServers, Path dataDir, String serviceId, BenchQuery query,
      String inputTopic, String outputTopic) {
    this.config = SluiceConfig.of(Map.of(
        SluiceConfig.REST_PORT, "0",
        SluiceConfig.BOOTSTRAP_SERVERS, bootstrapServers,
        SluiceConfig.SERVICE_ID, serviceId,
        SluiceConfig.DATA_DIR, dataDir.toString()));
    this.query = query;
    this.inputTopic = inputTopic;
    this.outputTopic = outputTopic;
  }

  @Override
  public String name() {
    return "sluice";
  }

  @Override
  public String outputTopic() {
    return outputTopic;
  }

  @Override
  public void prepare() throws IOException, InterruptedException {
    server = SluiceServer.start(config);
    SluiceRest.ksql(server.restUrl(), String.format(BenchQuery.SOURCE_STATEMENT, inputTopic));
  }

  @Override
  public String start() throws IOException, InterruptedException {
    JsonNode response = SluiceRest.ksql(server.restUrl(), query.statement(outputTopic));
    queryId = response.path(0).path("commandStatus").path("queryId").asText("");
    if (queryId.isEmpty()) {
      throw new IllegalStateException("Sluice started no query for " + query.sink() + ": " + response);
    }
    return StreamsProperties.applicationId(config, queryId);
  }

  /** The query's state as SHOW QUERIES reports it: ERROR, or stopped (NOT_RUNNING), is a failure. */
  @Override
  public Optional<String> failure() throws IOException, InterruptedException {
    for (JsonNode running : SluiceRest.ksql(server.restUrl(), "SHOW QUERIES;").path(0).path("queries")) {
      if (queryId.equals(running.path("id").asText())) {
        String state = running.path("state").asText();
        return state.equals("ERROR") || state.equals("NOT_RUNNING")
            ? Optional.of("Sluice query " + queryId + " is " + state)
            : Optional.empty();
      }
    }
    return Optional.of("Sluice no longer lists query " + queryId);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}

package io.sluice.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.SluiceServer;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.engine.EngineComponent;
import io.sluice.server.query.PersistentQuery;
import io.sluice.server.testing.Directories;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.SharedKafka;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsMetadata;

/** A full Sluice server in the test JVM, on the shared broker, with its own service id and data directory. */
final class TestServer implements AutoCloseable {

  private final Path dataDir;
  private final String serviceId;
  private final Map<String, String> extraSettings;
  private SluiceServer server;

  private TestServer(Path dataDir, String serviceId, Map<String, String> extraSettings) {
    this.dataDir = dataDir;
    this.serviceId = serviceId;
    this.extraSettings = extraSettings;
    this.server = SluiceServer.start(config());
  }

  static TestServer start() {
    return start(Map.of());
  }

  /** A server with these settings on top of the test defaults. */
  static TestServer start(Map<String, String> extraSettings) {
    return new TestServer(Directories.createTemp("sluice-e2e"), SharedKafka.uniqueName("e2e"), extraSettings);
  }

  /** Another node of {@code other}'s service: same service id, its own data directory and port. */
  static TestServer joining(TestServer other) {
    return new TestServer(Directories.createTemp("sluice-e2e"), other.serviceId, other.extraSettings);
  }

  /** Another node of {@code other}'s service with these settings on top of {@code other}'s. */
  static TestServer joining(TestServer other, Map<String, String> moreSettings) {
    Map<String, String> settings = new HashMap<>(other.extraSettings);
    settings.putAll(moreSettings);
    return new TestServer(Directories.createTemp("sluice-e2e"), other.serviceId, settings);
  }

  /** Stops the server cleanly and starts a new one on the same service id and data directory. */
  void restart() {
    server.close();
    server = SluiceServer.start(config());
  }

  private SluiceConfig config() {
    Map<String, String> settings = new HashMap<>(extraSettings);
    settings.put(SluiceConfig.REST_PORT, "0");
    settings.put(SluiceConfig.BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers());
    settings.put(SluiceConfig.SERVICE_ID, serviceId);
    settings.put(SluiceConfig.DATA_DIR, dataDir.toString());
    return SluiceConfig.of(settings);
  }

  SluiceServer server() {
    return server;
  }

  String serviceId() {
    return serviceId;
  }

  String url() {
    return server.restUrl();
  }

  /** POSTs statements to /ksql. */
  Http.Response ksql(String statements) {
    return Http.postJson(url() + "/ksql", Map.of("ksql", statements));
  }

  /** POSTs statements that must succeed, returning the entity array. */
  JsonNode ok(String statements) {
    Http.Response response = ksql(statements);
    if (response.status() != 200) {
      throw new AssertionError("expected 200 for " + statements + " but got " + response.status() + ": " + response.body());
    }
    return response.json();
  }

  /** POSTs one statement to /query (PRINT), returning the whole streamed text. */
  Http.Response query(String statement) {
    return Http.postJson(url() + "/query", Map.of("ksql", statement));
  }

  int commandCount() {
    return server.context().commandLog().readAll().size();
  }

  /**
   * The REST endpoints (host:port) of the members that own partitions of persistent query
   * {@code queryId}, as this node sees the query's group.
   */
  Set<String> advertised(String queryId) {
    return server.component(EngineComponent.class).orElseThrow().engine().queries().get(queryId)
        .map(PersistentQuery::streams)
        .map(streams -> streams.metadataForAllStreamsClients().stream()
            .filter(metadata -> !metadata.topicPartitions().isEmpty())
            .map(StreamsMetadata::hostInfo)
            .map(host -> host.host() + ":" + host.port())
            .collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  @Override
  public void close() {
    server.close();
    Directories.deleteRecursively(dataDir);
  }
}

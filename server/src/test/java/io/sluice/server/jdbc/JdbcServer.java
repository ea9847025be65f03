package io.sluice.server.jdbc;

import io.sluice.server.SluiceServer;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.engine.EngineComponent;
import io.sluice.server.rest.KsqlRoutes;
import io.sluice.server.testing.Directories;
import io.sluice.server.testing.SharedKafka;
import java.nio.file.Path;
import java.util.Map;

/** A Sluice server in the test JVM, on the shared broker, whose JDBC route runs SELECTs with a {@link FixedSelectRunner}. */
final class JdbcServer implements AutoCloseable {

  final FixedSelectRunner selects = new FixedSelectRunner();
  private final Path dataDir = Directories.createTemp("sluice-jdbc");
  private final SluiceServer server;

  JdbcServer() {
    EngineComponent engine = new EngineComponent();
    JdbcRoutes jdbc = new JdbcRoutes(engine, selects);
    server = SluiceServer.builder(SluiceConfig.of(Map.of(
            SluiceConfig.REST_PORT, "0",
            SluiceConfig.BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers(),
            SluiceConfig.SERVICE_ID, SharedKafka.uniqueName("jdbc"),
            SluiceConfig.DATA_DIR, dataDir.toString())))
        .component(engine)
        .component(jdbc)
        .routes(new KsqlRoutes(engine))
        .routes(jdbc)
        .start();
  }

  String restUrl() {
    return server.restUrl();
  }

  /** {@code jdbc:sluice://127.0.0.1:<port>}, plus {@code parameters} if not empty. */
  String jdbcUrl(String parameters) {
    return "jdbc:sluice:" + server.restUrl().substring("http:".length()) + parameters;
  }

  @Override
  public void close() {
    server.close();
    Directories.deleteRecursively(dataDir);
  }
}

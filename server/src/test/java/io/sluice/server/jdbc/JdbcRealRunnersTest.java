package io.sluice.server.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.SluiceServer;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.testing.Directories;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * JDBC end to end through the real pull and push query runners of {@code SluiceServer.start}: a
 * PreparedStatement pull query on a materialized count, and a push query read from the earliest
 * offset and ended by cancel, and a bad SELECT refused with its position.
 */
class JdbcRealRunnersTest {

  @Test
  void pullAndPushQueriesThroughTheDriver() throws Exception {
    Path data = Directories.createTemp("jdbc-real");
    try (SluiceServer server = SluiceServer.start(SluiceConfig.of(Map.of(
        SluiceConfig.REST_PORT, "0", SluiceConfig.BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers(),
        SluiceConfig.SERVICE_ID, SharedKafka.uniqueName("jdbcreal"), SluiceConfig.DATA_DIR, data.toString())))) {
      String url = "jdbc:sluice:" + server.restUrl().substring("http:".length()) + "?auto.offset.reset=earliest";
      String s = SharedKafka.uniqueName("s").replace('-', '_').toUpperCase();
      try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
        statement.execute("CREATE STREAM " + s + " (id BIGINT KEY, v INT) WITH (KAFKA_TOPIC='" + s.toLowerCase()
            + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
        statement.execute("CREATE TABLE C_" + s + " AS SELECT id, COUNT(*) AS n FROM " + s + " GROUP BY id EMIT CHANGES;");
        statement.executeUpdate("INSERT INTO " + s + " (id, v) VALUES (1, 10); INSERT INTO " + s + " (id, v) VALUES (1, 11);"
            + " INSERT INTO " + s + " (id, v) VALUES (2, 12);");
        try (PreparedStatement pull = connection.prepareStatement("SELECT * FROM C_" + s + " WHERE id = ?;")) {
          pull.setLong(1, 1L);
          long n = Poll.forValue(Duration.ofSeconds(90), () -> {
            try (ResultSet rs = pull.executeQuery()) {
              return rs.next() && rs.getLong("N") == 2 ? 2L : null;
            }
          }, "the pull query sees the count");
          assertEquals(2L, n);
        }
        Statement push = connection.createStatement();
        ResultSet rows = push.executeQuery("SELECT id, v FROM " + s + " EMIT CHANGES;");
        int seen = 0;
        while (seen < 3 && rows.next()) {
          seen++;
        }
        assertEquals(3, seen);
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> {
          try {
            return rows.next();
          } catch (Exception e) {
            return false;
          }
        });
        push.cancel();
        assertEquals(false, blocked.get(30, TimeUnit.SECONDS));
        SQLException bad = assertThrows(SQLException.class,
            () -> statement.executeQuery("SELECT * FROM C_" + s + " WHERE;"));
        assertTrue(bad.getMessage().contains("line 1"), bad.getMessage());
      }
    } finally {
      Directories.deleteRecursively(data);
    }
  }
}

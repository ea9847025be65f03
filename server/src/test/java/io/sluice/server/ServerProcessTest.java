package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.testing.Http;
import io.sluice.server.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a separate JVM: one ready line, recovery after kill -9, clean SIGTERM, exit codes. */
class ServerProcessTest {

  @TempDir Path dataDir;

  @Test
  void embeddedServerSurvivesKill9AndStopsCleanlyOnSigterm() {
    ServerProcess.Builder embedded =
        ServerProcess.builder().embeddedKafka(0).dataDir(dataDir).env("SLUICE_SERVICE_ID", "from_env");
    String clusterId;
    try (ServerProcess first = embedded.start()) {
      List<String> lines = first.output().lines().toList();
      assertEquals(1, lines.size(), "a healthy start prints exactly one line:\n" + first.output());
      String address = "127\\.0\\.0\\.1:\\d+";
      String ready = "Sluice \\S+ ready: REST http://" + address + ", Kafka " + address + " \\(embedded, data in \\S+\\)";
      assertTrue(lines.get(0).matches(ready), lines.get(0));
      Http.Response info = Http.get(first.restUrl() + "/info");
      assertEquals("from_env", info.json().at("/KsqlServerInfo/ksqlServiceId").asText());
      assertEquals(first.bootstrapServers(), info.json().at("/KsqlServerInfo/kafkaBootstrapServers").asText());
      clusterId = info.json().at("/KsqlServerInfo/kafkaClusterId").asText();

      first.kill9();
      assertEquals(137, first.awaitExit(ServerProcess.STOP_TIMEOUT));
    }

    try (ServerProcess second = embedded.start()) {
      Http.Response info = Http.get(second.restUrl() + "/info");
      assertEquals(clusterId, info.json().at("/KsqlServerInfo/kafkaClusterId").asText());

      second.sigterm();

      assertEquals(0, second.awaitExit(ServerProcess.STOP_TIMEOUT));
      List<String> lines = second.output().lines().toList();
      assertEquals("Sluice stopped.", lines.get(lines.size() - 1), second.output());
      assertFalse(second.output().contains("[ERROR]"), second.output());
    }
  }

  @Test
  void badSettingExitsWithStatus2AndSaysWhy() {
    try (ServerProcess bad = ServerProcess.builder().bootstrapServers("127.0.0.1:1").set("rest.port", "abc").launch()) {
      assertEquals(2, bad.awaitExit(Duration.ofSeconds(60)));
      String message = "sluice: Invalid value 'abc' for rest.port (from command-line flag --rest.port)";
      assertTrue(bad.output().contains(message), bad.output());
    }
  }
}

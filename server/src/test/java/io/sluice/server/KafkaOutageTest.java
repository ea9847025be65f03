package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.server.config.SluiceConfig;
import io.sluice.server.kafka.EmbeddedKafka;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health check notices when Kafka goes away, without blocking requests. */
class KafkaOutageTest {

  @TempDir Path dataDir;

  @Test
  void healthcheckAnswers503WhenKafkaBecomesUnreachable() {
    EmbeddedKafka kafka = new EmbeddedKafka(dataDir.resolve("kafka"), 0);
    kafka.start();
    SluiceConfig config =
        SluiceConfig.of(
            Map.of("rest.port", "0", "bootstrap.servers", kafka.bootstrapServers(), "data.dir", dataDir.toString()));
    try (SluiceServer server = SluiceServer.start(config)) {
      assertEquals(200, Http.get(server.restUrl() + "/healthcheck").status());

      kafka.close();

      Http.Response unhealthy =
          Poll.forValue(
              Duration.ofSeconds(30),
              () -> {
                Http.Response response = Http.get(server.restUrl() + "/healthcheck");
                return response.status() == 503 ? response : null;
              },
              "/healthcheck to report Kafka down");
      assertEquals(false, unhealthy.json().get("isHealthy").asBoolean());
      assertEquals(false, unhealthy.json().at("/details/kafka/isHealthy").asBoolean());
      assertEquals(true, unhealthy.json().at("/details/metastore/isHealthy").asBoolean());
      assertEquals("READY", unhealthy.json().get("serverState").asText());
    } finally {
      kafka.close();
    }
  }
}

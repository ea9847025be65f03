package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.testing.Directories;
import io.sluice.server.testing.ServerProcess;
import io.sluice.server.testing.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A server process stopped (SIGTERM) or killed (SIGKILL) in the middle of a stream-stream LEFT
 * JOIN comes back with the join's window stores: records that arrive after the restart join the
 * ones from before it, unmatched rows are written once after their window closes, and nothing is
 * written twice.
 */
class JoinRestartRecoveryTest {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void leftJoinAcrossASigtermRestartJoinsEveryPairOnce() {
    leftJoinAcrossARestart(server -> {
      server.sigterm();
      assertEquals(0, server.awaitExit(WAIT), "exit code after SIGTERM");
    });
  }

  @Test
  void leftJoinAcrossAKillNineRestartJoinsEveryPairOnce() {
    leftJoinAcrossARestart(server -> {
      server.kill9();
      server.awaitExit(WAIT);
    });
  }

  private static void leftJoinAcrossARestart(Consumer<ServerProcess> stop) {
    Path dataDir = Directories.createTemp("sluice-join-restart");
    String serviceId = SharedKafka.uniqueName("join-restart");
    String left = SharedKafka.uniqueTopic("left");
    String right = SharedKafka.uniqueTopic("right");
    String output = left + "-joined";
    try {
      String group;
      try (ServerProcess first = process(serviceId, dataDir)) {
        first.ksql("CREATE STREAM L (ID BIGINT KEY, A STRING) WITH (KAFKA_TOPIC='" + left
            + "', VALUE_FORMAT='JSON', PARTITIONS=1);"
            + "CREATE STREAM R (ID BIGINT KEY, B STRING) WITH (KAFKA_TOPIC='" + right
            + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
        String queryId = first.ksql("CREATE STREAM J WITH (KAFKA_TOPIC='" + output + "') AS SELECT L.ID, A, B "
            + "FROM L LEFT JOIN R WITHIN 10 SECONDS GRACE PERIOD 0 SECONDS ON L.ID = R.ID;")
            .get(0).path("commandStatus").path("queryId").asText();
        Records.shared().produce(left, List.of(
            record(left, 0, 1, "{\"A\":\"a1\"}"),
            record(left, 1, 2, "{\"A\":\"a2\"}"),
            record(left, 2, 3, "{\"A\":\"a3\"}"),
            record(left, 3, 4, "{\"A\":\"a4\"}"),
            record(left, 4, 5, "{\"A\":\"a5\"}")));
        Records.shared().produce(right, List.of(record(right, 4, 1, "{\"B\":\"b1\"}")));
        Records.shared().awaitAtLeast(output, 1, WAIT);
        group = serviceId + "_query_" + queryId;
        Records.shared().awaitCommitted(group, left, WAIT);
        Records.shared().awaitCommitted(group, right, WAIT);
        stop.accept(first);
      }
      try (ServerProcess second = process(serviceId, dataDir)) {
        // Within the window of left records processed before the restart, then one that closes
        // every window (a right record with no left one: a LEFT JOIN writes nothing for it).
        Records.shared().produce(right, List.of(
            record(right, 5, 2, "{\"B\":\"b2\"}"),
            record(right, 6, 4, "{\"B\":\"b4\"}"),
            record(right, 30, 99, "{\"B\":\"closes\"}")));
        Records.shared().awaitAtLeast(output, 5, WAIT);
        Records.shared().awaitCommitted(group, right, WAIT);
        List<String> written = Records.shared().lines(output, T0, Records.BIGINT_KEY);
        assertEquals(List.of(
            "@4000 1 | {\"A\":\"a1\",\"B\":\"b1\"}",
            "@5000 2 | {\"A\":\"a2\",\"B\":\"b2\"}",
            "@6000 4 | {\"A\":\"a4\",\"B\":\"b4\"}",
            "@2000 3 | {\"A\":\"a3\",\"B\":null}",
            "@4000 5 | {\"A\":\"a5\",\"B\":null}"), written);
        JsonNode queries = second.ksql("SHOW QUERIES;").get(0).path("queries");
        assertEquals("RUNNING", queries.get(0).path("state").asText(), queries.toString());
      }
    } finally {
      Directories.deleteRecursively(dataDir);
    }
  }

  private static ServerProcess process(String serviceId, Path dataDir) {
    return ServerProcess.builder().serviceId(serviceId).dataDir(dataDir).start();
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, long second, long id, String value) {
    return Records.record(topic, Records.bigintKey(id), value, T0 + second * 1000);
  }
}

package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.testing.Directories;
import io.sluice.server.testing.ServerProcess;
import io.sluice.server.testing.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A server process killed with SIGKILL mid-stream, or stopped with SIGTERM, comes back with its
 * streams and queries, and the output holds every input record exactly once.
 */
class RestartRecoveryTest {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int PARTITIONS = 3;

  @Test
  void killNineMidStreamThenRestartLosesAndDuplicatesNothing() {
    Path dataDir = Directories.createTemp("sluice-restart");
    String serviceId = SharedKafka.uniqueName("restart");
    String input = SharedKafka.uniqueTopic("clicks");
    String output = input + "-out";
    int total = 4000;
    String queryId;
    try (ServerProcess first = process(serviceId, dataDir)) {
      first.ksql("CREATE STREAM CLICKS (id BIGINT KEY, n INT) WITH (KAFKA_TOPIC='" + input
          + "', VALUE_FORMAT='JSON', PARTITIONS=" + PARTITIONS + ");");
      queryId = first.ksql("CREATE STREAM CLICKS_OUT WITH (KAFKA_TOPIC='" + output
          + "') AS SELECT id, n FROM CLICKS;").get(0).path("commandStatus").path("queryId").asText();
      Records.shared().produce(input, clicks(input, 0, total / 2));
      Records.shared().awaitAtLeast(output, 100, WAIT);
      first.kill9();
      first.awaitExit(WAIT);
    }
    Records.shared().produce(input, clicks(input, total / 2, total));
    try (ServerProcess second = process(serviceId, dataDir)) {
      Records.shared().awaitAtLeast(output, total, WAIT);
      Records.shared().awaitCommitted(serviceId + "_query_" + queryId, input, WAIT);
      List<ConsumerRecord<byte[], byte[]>> all = Records.shared().readAll(output);
      Set<String> distinct = new HashSet<>();
      all.forEach(r -> distinct.add(Records.text(r.value())));
      assertEquals(total, all.size(), "records in the output, duplicates included");
      assertEquals(total, distinct.size(), "distinct records in the output");
      JsonNode queries = second.ksql("SHOW QUERIES;").get(0).path("queries");
      assertEquals(queryId, queries.get(0).path("id").asText());
      assertEquals("RUNNING", queries.get(0).path("state").asText());
    } finally {
      Directories.deleteRecursively(dataDir);
    }
  }

  @Test
  void sigtermStopsCleanlyAndARestartResumesTheQuery() {
    Path dataDir = Directories.createTemp("sluice-sigterm");
    String serviceId = SharedKafka.uniqueName("sigterm");
    String input = SharedKafka.uniqueTopic("events");
    String output = input + "-out";
    try {
      try (ServerProcess first = process(serviceId, dataDir)) {
        first.ksql("CREATE STREAM EVENTS (id BIGINT KEY, n INT) WITH (KAFKA_TOPIC='" + input
            + "', VALUE_FORMAT='JSON', PARTITIONS=1);"
            + "CREATE STREAM EVENTS_OUT WITH (KAFKA_TOPIC='" + output + "') AS SELECT id, n * 10 AS n10 FROM EVENTS;");
        first.ksql("INSERT INTO EVENTS (id, n) VALUES (1, 1);");
        Records.shared().awaitAtLeast(output, 1, WAIT);
        first.sigterm();
        assertEquals(0, first.awaitExit(WAIT), "exit code after SIGTERM");
      }
      try (ServerProcess second = process(serviceId, dataDir)) {
        JsonNode described = second.ksql("DESCRIBE EVENTS_OUT;").get(0).path("sourceDescription");
        assertEquals(1, described.path("writeQueries").size(), described.toString());
        second.ksql("INSERT INTO EVENTS (id, n) VALUES (2, 2);");
        List<String> values = Records.shared().awaitAtLeast(output, 2, WAIT).stream().map(r -> Records.text(r.value())).toList();
        assertEquals(List.of("{\"N10\":10}", "{\"N10\":20}"), values);
      }
    } finally {
      Directories.deleteRecursively(dataDir);
    }
  }

  private static ServerProcess process(String serviceId, Path dataDir) {
    return ServerProcess.builder().serviceId(serviceId).dataDir(dataDir).start();
  }

  private static List<ProducerRecord<byte[], byte[]>> clicks(String topic, int from, int to) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add(Records.record(topic, Records.bigintKey(i), "{\"N\":" + i + "}", 1_600_000_000_000L + i));
    }
    return records;
  }
}

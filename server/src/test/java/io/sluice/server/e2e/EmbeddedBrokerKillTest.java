package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.server.kafka.FreePorts;
import io.sluice.server.testing.Directories;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The one-command deployment: a server with its embedded broker, killed with SIGKILL mid-stream
 * (broker and all) and started again on the same data directory, loses and duplicates nothing.
 */
class EmbeddedBrokerKillTest {

  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void killNineOfServerAndEmbeddedBrokerThenRestartKeepsEveryRecordOnce() {
    Path dataDir = Directories.createTemp("sluice-embedded-kill");
    int kafkaPort = FreePorts.pick("127.0.0.1");
    int total = 2000;
    try {
      String bootstrap;
      try (ServerProcess first = process(dataDir, kafkaPort)) {
        bootstrap = first.bootstrapServers();
        ksql(first, "CREATE STREAM TICKS (id BIGINT KEY, n INT) WITH (KAFKA_TOPIC='ticks', VALUE_FORMAT='JSON', PARTITIONS=2);"
            + "CREATE STREAM TICKS_OUT WITH (KAFKA_TOPIC='ticks_out') AS SELECT id, n FROM TICKS WHERE n >= 0;");
        Records.at(bootstrap).produce("ticks", ticks(0, total / 2));
        Records.at(bootstrap).awaitAtLeast("ticks_out", 50, WAIT);
        first.kill9();
        first.awaitExit(WAIT);
      }
      try (ServerProcess second = process(dataDir, kafkaPort)) {
        Records records = Records.at(second.bootstrapServers());
        records.produce("ticks", ticks(total / 2, total));
        records.awaitAtLeast("ticks_out", total, WAIT);
        List<ConsumerRecord<byte[], byte[]>> all = records.readAll("ticks_out");
        Set<String> distinct = new HashSet<>();
        all.forEach(r -> distinct.add(Records.text(r.value())));
        assertEquals(total, distinct.size(), "distinct records in the output");
        assertEquals(total, all.size(), "records in the output, duplicates included");
      }
    } finally {
      Directories.deleteRecursively(dataDir);
    }
  }

  private static ServerProcess process(Path dataDir, int kafkaPort) {
    return ServerProcess.builder().embeddedKafka(kafkaPort).dataDir(dataDir).start();
  }

  private static void ksql(ServerProcess server, String statements) {
    Http.Response response = Http.postJson(server.restUrl() + "/ksql", Map.of("ksql", statements));
    assertEquals(200, response.status(), response.body());
  }

  private static List<ProducerRecord<byte[], byte[]>> ticks(int from, int to) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add(Records.record("ticks", Records.bigintKey(i), "{\"N\":" + i + "}", 1_700_000_000_000L + i));
    }
    return records;
  }
}

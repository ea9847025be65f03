package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.ServerProcess;
import io.sluice.server.testing.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two server processes of one service on the real broker, with standby replicas: pull queries on
 * either answer for the whole table, and after one process is killed with SIGKILL the other still
 * answers every key lookup and scan correctly.
 */
class TwoNodeKillTest {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int USERS = 20;
  private static final int CLICKS_PER_USER = 5;

  @Test
  void theSurvivingNodeAnswersEveryPullQueryAfterTheOtherIsKilled() {
    String serviceId = SharedKafka.uniqueName("twonode");
    String topic = SharedKafka.uniqueTopic("clicks");
    try (ServerProcess first = node(serviceId); ServerProcess second = node(serviceId)) {
      JsonNode created = ok(first, "CREATE STREAM CLICKS (USERID BIGINT KEY, PAGE STRING) WITH (KAFKA_TOPIC='" + topic
          + "', VALUE_FORMAT='JSON', PARTITIONS=4);"
          + "CREATE TABLE COUNTS WITH (KAFKA_TOPIC='" + topic + "-counts') AS "
          + "SELECT USERID, COUNT(*) AS N FROM CLICKS GROUP BY USERID EMIT CHANGES;");
      List<ProducerRecord<byte[], byte[]>> clicks = new ArrayList<>();
      for (int i = 0; i < USERS * CLICKS_PER_USER; i++) {
        clicks.add(Records.record(topic, Records.bigintKey(i % USERS), "{\"PAGE\":\"p" + i + "\"}", 1_700_000_000_000L + i));
      }
      Records.shared().produce(topic, clicks);
      Map<Long, Long> expected = new TreeMap<>();
      for (long user = 0; user < USERS; user++) {
        expected.put(user, (long) CLICKS_PER_USER);
      }
      String group = serviceId + "_query_" + created.get(1).path("commandStatus").path("queryId").asText();
      Poll.until(WAIT, () -> membersWithPartitions(group) == 2, "both processes to own partitions of " + group);
      for (ServerProcess node : List.of(first, second)) {
        Poll.until(WAIT, () -> expected.equals(scan(node)), "a scan on " + node.restUrl() + " to see every count");
      }

      second.kill9();
      second.awaitExit(ServerProcess.STOP_TIMEOUT);

      Poll.until(WAIT, () -> expected.equals(scan(first)), "the surviving node to scan the whole table");
      for (long user = 0; user < USERS; user++) {
        long key = user;
        Poll.until(WAIT, () -> Map.of(key, (long) CLICKS_PER_USER).equals(counts(first,
            "SELECT * FROM COUNTS WHERE USERID = " + key + ";")), "user " + key + " on the surviving node");
      }
    }
  }

  private static ServerProcess node(String serviceId) {
    return ServerProcess.builder().serviceId(serviceId).set("streams.num.standby.replicas", "1").start();
  }

  private static JsonNode ok(ServerProcess node, String statements) {
    Http.Response response = Http.postJson(node.restUrl() + "/ksql", Map.of("ksql", statements));
    assertEquals(200, response.status(), response.body());
    return response.json();
  }

  private static long membersWithPartitions(String group) throws Exception {
    ConsumerGroupDescription description =
        SharedKafka.admin().describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
    return description.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
  }

  private static Map<Long, Long> scan(ServerProcess node) {
    return counts(node, "SELECT * FROM COUNTS;");
  }

  /** USERID to N from a pull query's rows; null when the query is refused for now (the table's query is starting or rebalancing). */
  private static Map<Long, Long> counts(ServerProcess node, String query) {
    Http.Response response = Http.postJson(node.restUrl() + "/query", Map.of("ksql", query));
    if (response.status() != 200) {
      return null;
    }
    Map<Long, Long> counts = new TreeMap<>();
    for (JsonNode item : response.json()) {
      JsonNode columns = item.path("row").path("columns");
      if (!columns.isMissingNode()) {
        counts.merge(columns.get(0).asLong(), columns.get(1).asLong(), (a, b) -> -1L);
      }
    }
    return counts;
  }
}

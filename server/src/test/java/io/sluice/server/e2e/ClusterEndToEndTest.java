package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.rest.Json;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes of one service on the real broker: a statement sent to either takes effect on
 * both, each runs its share of every persistent query's partitions and advertises its own REST
 * endpoint for them, and when one node stops the other carries on with the whole query.
 */
class ClusterEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void nodesOfOneServiceShareStatementsAndQueryPartitions() {
    String input = SharedKafka.uniqueTopic("clicks");
    String output = input + "-counts";
    try (TestServer first = TestServer.start(); TestServer second = TestServer.joining(first)) {
      first.ok("CREATE STREAM CLICKS (USERID BIGINT KEY, PAGE STRING) WITH (KAFKA_TOPIC='" + input
          + "', VALUE_FORMAT='JSON', PARTITIONS=4);");
      String queryId = first.ok("CREATE TABLE COUNTS WITH (KAFKA_TOPIC='" + output + "') AS "
              + "SELECT USERID, COUNT(*) AS N FROM CLICKS GROUP BY USERID EMIT CHANGES;")
          .get(0).path("commandStatus").path("queryId").asText();

      Poll.until(WAIT, () -> names(second.ok("SHOW TABLES;"), "tables").contains("COUNTS"),
          "the second node to list the table created through the first");
      Set<String> endpoints = Set.of(hostPort(first.url()), hostPort(second.url()));
      Poll.until(WAIT, () -> first.advertised(queryId).equals(endpoints) && second.advertised(queryId).equals(endpoints),
          "both nodes to run " + queryId + " as members advertising " + endpoints);

      Records.shared().produce(input, clicks(input, 0, 400));
      String group = first.serviceId() + "_query_" + queryId;
      Records.shared().awaitCommitted(group, input, WAIT);
      assertEquals(expectedCounts(400), lastCounts(Records.shared().readAll(output)));

      first.close();
      Records.shared().produce(input, clicks(input, 400, 800));
      Records.shared().awaitCommitted(group, input, WAIT);
      assertEquals(expectedCounts(800), lastCounts(Records.shared().readAll(output)),
          "the remaining node takes over the stopped node's partitions");

      second.ok("TERMINATE " + queryId + ";");
      assertEquals(List.of(), names(second.ok("SHOW QUERIES;"), "queries"));
    }
  }

  @Test
  void aStatementOnTheSecondNodeSeesWhatTheFirstJustCreated() {
    String input = SharedKafka.uniqueTopic("orders");
    try (TestServer first = TestServer.start(); TestServer second = TestServer.joining(first)) {
      first.ok("CREATE STREAM ORDERS (ID BIGINT KEY, AMOUNT INT) WITH (KAFKA_TOPIC='" + input
          + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
      JsonNode described = second.ok("DESCRIBE ORDERS;").get(0).path("sourceDescription");
      assertEquals("ORDERS", described.path("name").asText(), "a node catches up with the log before it runs a statement");
    }
  }

  private static List<String> names(JsonNode entities, String listField) {
    List<String> names = new ArrayList<>();
    for (JsonNode entry : entities.get(0).path(listField)) {
      names.add(entry.has("name") ? entry.path("name").asText() : entry.path("id").asText());
    }
    return names;
  }


  private static String hostPort(String url) {
    URI uri = URI.create(url);
    return uri.getHost() + ":" + uri.getPort();
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<ProducerRecord<byte[], byte[]>> clicks(String topic, int from, int to) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add(Records.record(topic, Records.bigintKey(i % 20), "{\"PAGE\":\"p" + i + "\"}", 1_700_000_000_000L + i));
    }
    return records;
  }

  private static Map<Long, Long> expectedCounts(int clicks) {
    Map<Long, Long> counts = new TreeMap<>();
    for (int i = 0; i < clicks; i++) {
      counts.merge((long) (i % 20), 1L, Long::sum);
    }
    return counts;
  }

  private static Map<Long, Long> lastCounts(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<Long, Long> counts = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      counts.put(ByteBuffer.wrap(record.key()).getLong(), json(Records.text(record.value())).path("N").asLong());
    }
    return counts;
  }
}

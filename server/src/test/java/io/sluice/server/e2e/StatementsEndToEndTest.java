package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The quickstart and the admin statements, over REST against a real broker. */
class StatementsEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  // A PRINT whose response is held back never sends its headers, and the client would wait forever.
  @Timeout(300)
  void quickstartFiltersAStreamIntoANewTopicThatPrintShows() throws Exception {
    String source = SharedKafka.uniqueTopic("pageviews");
    String stream = "PV_" + source.replace('-', '_').toUpperCase();
    String sink = "LONG_" + stream;
    server.ok("CREATE STREAM " + stream + " (user_id BIGINT KEY, page STRING, duration_ms INT) "
        + "WITH (KAFKA_TOPIC='" + source + "', VALUE_FORMAT='JSON', PARTITIONS=2);");
    JsonNode inserted = server.ok("INSERT INTO " + stream + " (user_id, page, duration_ms) VALUES (1, '/home', 1200);"
        + "INSERT INTO " + stream + " (user_id, page, duration_ms) VALUES (2, '/pricing', 45000);"
        + "INSERT INTO " + stream + " (user_id, page, duration_ms) VALUES (1, '/docs', 31000);");
    assertEquals(0, inserted.size(), "INSERT VALUES answers with no entities, as ksqlDB");
    JsonNode created = server.ok("CREATE STREAM " + sink + " AS SELECT user_id, UCASE(page) AS page, "
        + "duration_ms / 1000 AS seconds FROM " + stream + " WHERE duration_ms >= 30000 EMIT CHANGES;");
    String queryId = created.get(0).path("commandStatus").path("queryId").asText();
    assertTrue(queryId.startsWith("CSAS_" + sink + "_"), created.toString());

    List<ConsumerRecord<byte[], byte[]>> out = Records.shared().awaitAtLeast(sink, 2, WAIT);
    List<String> values = out.stream().map(r -> Records.text(r.value())).sorted().toList();
    assertEquals(List.of("{\"PAGE\":\"/DOCS\",\"SECONDS\":31}", "{\"PAGE\":\"/PRICING\",\"SECONDS\":45}"), values);

    Http.Response printed = server.query("PRINT '" + sink + "' FROM BEGINNING LIMIT 2;");
    assertEquals(200, printed.status(), printed.body());
    assertTrue(printed.body().startsWith("Key format: KAFKA_BIGINT\nValue format: JSON\n"), printed.body());
    assertTrue(printed.body().contains("key: 2, value: {\"PAGE\":\"/PRICING\",\"SECONDS\":45}"), printed.body());
    assertEquals(4, printed.body().lines().count(), printed.body());

    // Records reach the client as they are read, not when the LIMIT is reached.
    try (StreamingResponse open = StreamingResponse.post(server.url() + "/query",
        Map.of("ksql", "PRINT '" + sink + "' FROM BEGINNING LIMIT 10;"), null)) {
      assertEquals("Key format: KAFKA_BIGINT", open.nextLine(WAIT));
      assertEquals("Value format: JSON", open.nextLine(WAIT));
      assertTrue(open.nextLine(WAIT).startsWith("rowtime: "));
      assertTrue(open.nextLine(WAIT).startsWith("rowtime: "));
      assertFalse(open.ended(), "two of ten records: the PRINT goes on");
    }

    // LAST n starts with the latest records across both partitions, then follows the topic.
    try (StreamingResponse latest = StreamingResponse.post(server.url() + "/query",
        Map.of("ksql", "PRINT '" + sink + "' LAST 1 LIMIT 2;"), null)) {
      assertEquals("Key format: KAFKA_BIGINT", latest.nextLine(WAIT));
      assertEquals("Value format: JSON", latest.nextLine(WAIT));
      String newest = latest.nextLine(WAIT);
      assertTrue(newest.contains("value: {\"PAGE\":\"/DOCS\",\"SECONDS\":31}"), newest);
      server.ok("INSERT INTO " + stream + " (user_id, page, duration_ms) VALUES (3, '/later', 60000);");
      String followed = latest.nextLine(WAIT);
      assertTrue(followed.contains("key: 3, value: {\"PAGE\":\"/LATER\",\"SECONDS\":60}"), followed);
    }
  }

  @Test
  void showDescribeExplainTerminateAndDropWorkTogether() {
    String topic = SharedKafka.uniqueTopic("orders");
    String stream = "O_" + topic.replace('-', '_').toUpperCase();
    String copy = "C_" + stream;
    server.ok("CREATE STREAM " + stream + " (id BIGINT KEY, amount DOUBLE) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    String queryId = server.ok("CREATE STREAM " + copy + " AS SELECT * FROM " + stream + ";")
        .get(0).path("commandStatus").path("queryId").asText();

    JsonNode streams = server.ok("SHOW STREAMS;").get(0);
    assertEquals("streams", streams.path("@type").asText());
    assertTrue(names(streams.path("streams")).containsAll(List.of(stream, copy)), streams.toString());
    JsonNode queries = server.ok("LIST QUERIES;").get(0);
    assertTrue(StreamSupport.stream(queries.path("queries").spliterator(), false)
        .anyMatch(q -> q.path("id").asText().equals(queryId)), queries.toString());
    JsonNode properties = server.ok("SHOW PROPERTIES;").get(0).path("properties");
    assertTrue(properties.toString().contains(
        "{\"name\":\"streams.processing.guarantee\",\"scope\":\"STREAMS\",\"value\":\"exactly_once_v2\"}"),
        properties.toString());
    JsonNode topics = server.ok("SHOW TOPICS;").get(0);
    assertTrue(names(topics.path("topics")).contains(topic), topics.toString());

    JsonNode described = server.ok("DESCRIBE EXTENDED " + stream + ";").get(0).path("sourceDescription");
    assertEquals("STREAM", described.path("type").asText());
    assertEquals("ID", described.path("fields").get(0).path("name").asText());
    assertEquals("KEY", described.path("fields").get(0).path("type").asText());
    assertEquals(queryId, described.path("readQueries").get(0).path("id").asText());
    assertEquals(1, described.path("partitions").asInt());

    JsonNode explained = server.ok("EXPLAIN " + queryId + ";").get(0).path("queryDescription");
    assertTrue(explained.path("logicalPlan").asText().contains("LogicalTableScan"), explained.toString());
    assertTrue(explained.path("topology").asText().contains("Sub-topology"), explained.toString());
    assertEquals(queryId, explained.path("physicalPlan").path("queryId").asText());

    Http.Response refused = server.ksql("DROP STREAM " + stream + ";");
    assertEquals(400, refused.status());
    assertTrue(refused.json().path("message").asText().contains(queryId), refused.body());

    server.ok("TERMINATE " + queryId + ";");
    server.ok("DROP STREAM " + copy + " DELETE TOPIC;");
    server.ok("DROP STREAM " + stream + ";");
    Poll.until(WAIT, () -> !SharedKafka.topics().exists(copy), "topic " + copy + " to be deleted");
    assertTrue(SharedKafka.topics().exists(topic), "DROP without DELETE TOPIC keeps the topic");
  }

  private static List<String> names(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("name").asText()).toList();
  }
}

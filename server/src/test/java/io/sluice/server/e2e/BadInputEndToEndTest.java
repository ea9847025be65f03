package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.engine.EngineSettings;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad SQL gets a positioned 400 and writes nothing; bad records go to the processing log and the query goes on. */
class BadInputEndToEndTest {

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
  void syntaxErrorIsA400WithLineAndColumn() {
    int before = server.commandCount();
    Http.Response response = server.ksql("SHOW STREAMS;\nCREATE STREAM x (a INT) WTH (KAFKA_TOPIC='x');");
    assertEquals(400, response.status(), response.body());
    JsonNode error = response.json();
    assertEquals("statement_error", error.path("@type").asText());
    assertEquals(40001, error.path("error_code").asInt());
    assertEquals(2, error.path("line").asInt(), response.body());
    assertEquals(25, error.path("column").asInt(), response.body());
    assertEquals(before, server.commandCount());
  }

  @Test
  void unknownStreamColumnAndTypeMismatchAreNamed() {
    String topic = SharedKafka.uniqueTopic("typed");
    String stream = "T_" + topic.replace('-', '_').toUpperCase();
    server.ok("CREATE STREAM " + stream + " (id BIGINT KEY, name STRING) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    int before = server.commandCount();
    assertError("CREATE STREAM X1 AS SELECT * FROM NO_SUCH_STREAM;", "NO_SUCH_STREAM");
    assertError("CREATE STREAM X2 AS SELECT id, nope FROM " + stream + ";", "NOPE");
    assertError("CREATE STREAM X3 AS SELECT id FROM " + stream + " WHERE name > 5;", "Cannot compare");
    assertEquals(before, server.commandCount(), "failing statements write nothing to the command log");
  }

  @Test
  void statementsBeforeAFailureStayAppliedAndAreListed() {
    String topic = SharedKafka.uniqueTopic("partial");
    String stream = "P_" + topic.replace('-', '_').toUpperCase();
    Http.Response response = server.ksql("CREATE STREAM " + stream + " (id BIGINT KEY) WITH (KAFKA_TOPIC='"
        + topic + "', VALUE_FORMAT='JSON', PARTITIONS=1);\nDROP STREAM NOT_THERE;");
    assertEquals(400, response.status(), response.body());
    assertEquals(1, response.json().path("entities").size(), response.body());
    assertEquals(1, server.ok("DESCRIBE " + stream + ";").size());
  }

  @Test
  void malformedRecordsGoToTheProcessingLogAndTheQueryKeepsRunning() {
    String topic = SharedKafka.uniqueTopic("dirty");
    String stream = "D_" + topic.replace('-', '_').toUpperCase();
    String sink = "CLEAN_" + stream;
    server.ok("CREATE STREAM " + stream + " (id BIGINT KEY, v INT) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    String queryId = server.ok("CREATE STREAM " + sink + " AS SELECT id, v FROM " + stream + ";")
        .get(0).path("commandStatus").path("queryId").asText();
    Records.shared().produce(topic, List.of(
        Records.record(topic, Records.bigintKey(1), "{\"V\": 1}", 1000),
        Records.record(topic, Records.bigintKey(2), "{not json", 2000),
        Records.record(topic, Records.bigintKey(3), "{\"V\": \"three\"}", 3000),
        Records.record(topic, Records.bigintKey(4), "{\"V\": 4}", 4000)));
    List<ConsumerRecord<byte[], byte[]>> out = Records.shared().awaitAtLeast(sink, 2, WAIT);
    assertEquals(List.of("{\"V\":1}", "{\"V\":4}"), out.stream().map(r -> Records.text(r.value())).toList());

    String processingLog = EngineSettings.processingLogTopic(server.serviceId());
    List<String> logged = Records.shared().awaitAtLeast(processingLog, 2, WAIT).stream()
        .map(r -> Records.text(r.value())).filter(v -> v.contains(topic)).toList();
    assertEquals(2, logged.size(), logged.toString());
    assertTrue(logged.get(0).contains("\"offset\":1") && logged.get(0).contains("\"partition\":0"), logged.get(0));
    assertTrue(logged.get(1).contains("\"offset\":2"), logged.get(1));

    Poll.until(WAIT, () -> server.ok("DESCRIBE EXTENDED " + stream + ";").get(0)
        .path("sourceDescription").path("errorStats").asText().contains("processing-errors: 2"),
        "DESCRIBE EXTENDED to show the two errors");

    // The query's own entries, oldest first, from the end of the shared log.
    JsonNode entries = Http.get(server.url() + "/processing-log?queryId=" + queryId).json().path("entries");
    assertEquals(2, entries.size(), entries.toString());
    assertEquals(1, entries.get(0).path("value").path("offset").asInt(), entries.toString());
    assertEquals(2, entries.get(1).path("value").path("offset").asInt(), entries.toString());
    assertEquals(queryId, entries.get(1).path("value").path("queryId").asText());
    JsonNode last = Http.get(server.url() + "/processing-log?queryId=" + queryId + "&limit=1").json().path("entries");
    assertEquals(1, last.size(), last.toString());
    assertEquals(2, last.get(0).path("value").path("offset").asInt(), last.toString());
    assertEquals(0, Http.get(server.url() + "/processing-log?queryId=NO_SUCH_QUERY").json().path("entries").size());
    assertEquals(400, Http.get(server.url() + "/processing-log").status());

    // Everything was read, and a stateless query keeps no store.
    Poll.until(WAIT, () -> {
      JsonNode stats = server.ok("DESCRIBE EXTENDED " + sink + ";").get(0).path("sourceDescription")
          .path("queryStatistics").get(0);
      return stats.path("consumerLag").asLong(-1) == 0 && stats.path("stateStoreBytes").isNull();
    }, "DESCRIBE EXTENDED to show no lag and no store for " + queryId);
  }

  @Test
  void statementsThatCannotRunAreRefusedAndLeaveNothingBehind() {
    String topic = SharedKafka.uniqueTopic("guarded");
    String stream = "G_" + topic.replace('-', '_').toUpperCase();
    server.ok("CREATE STREAM " + stream + " (id BIGINT KEY, seen TIMESTAMP) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);"
        + "CREATE STREAM " + stream + "_TWIN (id BIGINT KEY) WITH (KAFKA_TOPIC='" + topic + "', VALUE_FORMAT='JSON');");
    int before = server.commandCount();

    String sinkTopic = topic + "-sink";
    Http.Response badProperty = Http.postJson(server.url() + "/ksql", Map.of(
        "ksql", "CREATE STREAM " + stream + "_OUT WITH (KAFKA_TOPIC='" + sinkTopic + "') AS SELECT * FROM " + stream + ";",
        "streamsProperties", Map.of("processing.guarantee", "exactly_once")));
    assertEquals(400, badProperty.status(), badProperty.body());
    assertTrue(badProperty.json().path("message").asText().contains("processing.guarantee"), badProperty.body());
    assertFalse(SharedKafka.topics().exists(sinkTopic), "a refused query creates no topic");

    Http.Response negative = server.ksql("INSERT INTO " + stream + " (id, ROWTIME) VALUES (1, -5);");
    assertEquals(400, negative.status(), negative.body());
    Http.Response notATime = server.ksql("INSERT INTO " + stream + " (id, seen) VALUES (1, 'yesterday');");
    assertEquals(400, notATime.status(), notATime.body());
    assertTrue(notATime.json().path("message").asText().contains("SEEN"), notATime.body());

    Http.Response shared = server.ksql("DROP STREAM " + stream + "_TWIN DELETE TOPIC;");
    assertEquals(400, shared.status(), shared.body());
    assertTrue(shared.json().path("message").asText().contains(stream), shared.body());
    assertTrue(SharedKafka.topics().exists(topic));
    assertEquals(before, server.commandCount(), "refused statements write nothing to the command log");
    assertEquals(0, Records.shared().readAll(topic).size(), "refused inserts write nothing");
  }

  private static void assertError(String statement, String expectedInMessage) {
    Http.Response response = server.ksql(statement);
    assertEquals(400, response.status(), response.body());
    JsonNode error = response.json();
    assertTrue(error.path("message").asText().contains(expectedInMessage), response.body());
    assertTrue(error.path("line").asInt() >= 1 && error.path("column").asInt() >= 1, response.body());
  }
}

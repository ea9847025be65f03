package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IF NOT EXISTS, OR REPLACE, INSERT INTO ... SELECT, views, and what a restart brings back after TERMINATE. */
class CatalogLifecycleTest {

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
  void ifNotExistsAndOrReplaceBehaveAsDocumented() {
    String topic = SharedKafka.uniqueTopic("things");
    String create = " (id STRING KEY, n INT) WITH (KAFKA_TOPIC='" + topic + "', VALUE_FORMAT='JSON', PARTITIONS=1);";
    server.ok("CREATE STREAM THINGS" + create);
    Http.Response again = server.ksql("CREATE STREAM THINGS" + create);
    assertEquals(400, again.status());
    assertTrue(again.json().path("message").asText().contains("already exists"), again.body());
    JsonNode ignored = server.ok("CREATE STREAM IF NOT EXISTS THINGS" + create);
    assertTrue(ignored.get(0).path("commandStatus").path("message").asText().contains("already exists"));
    server.ok("CREATE OR REPLACE STREAM THINGS (id STRING KEY, n INT, label STRING) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON');");
    JsonNode fields = server.ok("DESCRIBE THINGS;").get(0).path("sourceDescription").path("fields");
    assertEquals(3, fields.size(), fields.toString());
    Http.Response wrongPartitions = server.ksql("CREATE STREAM OTHER (id STRING KEY) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=4);");
    assertEquals(400, wrongPartitions.status());
    assertTrue(wrongPartitions.json().path("message").asText().contains("1 partitions"), wrongPartitions.body());
  }

  @Test
  void insertIntoSelectMergesStreamsAndARestartRunsOnlyLiveQueries() {
    String a = SharedKafka.uniqueTopic("a");
    String b = SharedKafka.uniqueTopic("b");
    String merged = SharedKafka.uniqueTopic("merged");
    server.ok("CREATE STREAM SA (id BIGINT KEY, v INT) WITH (KAFKA_TOPIC='" + a + "', VALUE_FORMAT='JSON', PARTITIONS=1);"
        + "CREATE STREAM SB (v INT, id BIGINT KEY) WITH (KAFKA_TOPIC='" + b + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    String first = server.ok("CREATE STREAM MERGED WITH (KAFKA_TOPIC='" + merged + "') AS SELECT id, v FROM SA;")
        .get(0).path("commandStatus").path("queryId").asText();
    String second = server.ok("INSERT INTO MERGED SELECT v, id FROM SB;")
        .get(0).path("commandStatus").path("queryId").asText();
    assertTrue(second.startsWith("INSERTQUERY_"), second);
    server.ok("INSERT INTO SA (id, v) VALUES (1, 10); INSERT INTO SB (id, v) VALUES (2, 20);");
    List<String> values = Records.shared().awaitAtLeast(merged, 2, WAIT).stream().map(r -> Records.text(r.value())).sorted().toList();
    assertEquals(List.of("{\"V\":10}", "{\"V\":20}"), values);

    server.ok("TERMINATE " + first + ";");
    server.restart();
    JsonNode queries = server.ok("SHOW QUERIES;").get(0).path("queries");
    List<String> ids = new ArrayList<>();
    queries.forEach(q -> ids.add(q.path("id").asText()));
    assertTrue(ids.contains(second) && !ids.contains(first), queries.toString());
    server.ok("INSERT INTO SB (id, v) VALUES (3, 30); INSERT INTO SA (id, v) VALUES (4, 40);");
    List<String> after = Records.shared().awaitAtLeast(merged, 3, WAIT).stream().map(r -> Records.text(r.value())).toList();
    assertEquals("{\"V\":30}", after.get(2), after.toString());
  }

  @Test
  void viewsShareTheNamespaceGuardWhatTheyReadAndSurviveARestart() {
    String events = SharedKafka.uniqueTopic("events");
    String cheap = SharedKafka.uniqueTopic("cheap");
    server.ok("CREATE STREAM EVENTS (id BIGINT KEY, kind INT, price BIGINT) WITH (KAFKA_TOPIC='" + events
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    server.ok("CREATE VIEW ITEMS AS SELECT id, price FROM EVENTS WHERE kind = 1;");
    JsonNode views = server.ok("SHOW VIEWS;").get(0).path("views");
    assertEquals(1, views.size(), views.toString());
    assertEquals("ITEMS", views.get(0).path("name").asText());
    assertEquals("`ID` BIGINT KEY, `PRICE` BIGINT", views.get(0).path("columns").asText());

    JsonNode described = server.ok("DESCRIBE ITEMS;").get(0).path("sourceDescription");
    assertEquals("VIEW", described.path("type").asText(), described.toString());
    assertEquals(2, described.path("fields").size(), described.toString());
    assertTrue(described.path("statement").asText().startsWith("CREATE VIEW ITEMS"), described.toString());
    assertRefused("CREATE VIEW ITEMS AS SELECT id FROM EVENTS;", "already exists");
    assertRefused("CREATE STREAM ITEMS (id BIGINT KEY) WITH (KAFKA_TOPIC='" + events + "', VALUE_FORMAT='JSON');",
        "A view with the same name already exists");
    assertRefused("DROP STREAM EVENTS;", "The following views read from it: [ITEMS]");
    Http.Response pull = server.query("SELECT * FROM ITEMS WHERE id = 1;");
    assertEquals(400, pull.status(), pull.body());
    assertTrue(pull.body().contains("Pull queries read a table's current state"), pull.body());

    server.ok("CREATE STREAM CHEAP WITH (KAFKA_TOPIC='" + cheap + "') AS SELECT * FROM ITEMS WHERE price < 100;");
    server.ok("INSERT INTO EVENTS (id, kind, price) VALUES (1, 1, 50); INSERT INTO EVENTS (id, kind, price) VALUES (2, 0, 5);"
        + "INSERT INTO EVENTS (id, kind, price) VALUES (3, 1, 500); INSERT INTO EVENTS (id, kind, price) VALUES (4, 1, 7);");
    List<String> rows = Records.shared().awaitAtLeast(cheap, 2, WAIT).stream().map(r -> Records.text(r.value())).toList();
    assertEquals(List.of("{\"PRICE\":50}", "{\"PRICE\":7}"), rows);

    server.restart();
    assertEquals("ITEMS", server.ok("SHOW VIEWS;").get(0).path("views").get(0).path("name").asText());
    server.ok("DROP VIEW ITEMS;");
    assertEquals(0, server.ok("SHOW VIEWS;").get(0).path("views").size());
    server.ok("INSERT INTO EVENTS (id, kind, price) VALUES (5, 1, 9);");
    List<String> after = Records.shared().awaitAtLeast(cheap, 3, WAIT).stream().map(r -> Records.text(r.value())).toList();
    assertEquals("{\"PRICE\":9}", after.get(2), "the query started from the view runs on without it: " + after);
  }

  private static void assertRefused(String sql, String fragment) {
    Http.Response response = server.ksql(sql);
    assertEquals(400, response.status(), response.body());
    assertTrue(response.json().path("message").asText().contains(fragment), response.body());
  }
}

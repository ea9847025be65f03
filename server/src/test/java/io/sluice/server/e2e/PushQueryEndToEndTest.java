package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.sluice.server.rest.Json;
import io.sluice.server.results.PushQueries;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.GroupListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Push queries over REST on the real broker: rows produced after a query starts reach its client
 * over {@code /query} and {@code /query-stream}; earliest and latest; aggregations; LIMIT;
 * close-query and client disconnects remove the query's topics, group and state; bad queries.
 */
class PushQueryEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration LINE = Duration.ofSeconds(30);

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Creates stream {@code name} over a new topic: ID BIGINT KEY, NAME STRING, AMOUNT INT, JSON values. */
  private static String stream(String name) {
    String topic = SharedKafka.uniqueTopic(name.toLowerCase());
    server.ok("CREATE STREAM " + name + " (ID BIGINT KEY, NAME STRING, AMOUNT INT) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    return topic;
  }

  private static void insert(String stream, long id, String name, int amount) {
    server.ok("INSERT INTO " + stream + " (ID, NAME, AMOUNT) VALUES (" + id + ", '" + name + "', " + amount + ");");
  }

  /** A line of /query's JSON array as the JSON object it holds. */
  private static JsonNode queryItem(String line) throws Exception {
    String item = line.strip();
    if (item.startsWith("[") || item.startsWith(",")) {
      item = item.substring(1);
    }
    if (item.endsWith("]")) {
      item = item.substring(0, item.length() - 1);
    }
    return Json.mapper().readTree(item);
  }

  private static StreamingResponse query(String sql, Map<String, String> properties) {
    return StreamingResponse.post(server.url() + "/query", Map.of("ksql", sql, "streamsProperties", properties), null);
  }

  private static StreamingResponse queryStream(String sql, Map<String, String> properties) {
    return StreamingResponse.post(server.url() + "/query-stream", Map.of("sql", sql, "properties", properties), null);
  }

  private static PushQueries pushQueries() {
    return server.server().component(PushQueries.class).orElseThrow();
  }

  @Test
  void pushQueryOverQueryStreamsRowsProducedAfterItStarts() throws Exception {
    String stream = "QUERY_ROWS";
    stream(stream);
    try (StreamingResponse response = query("SELECT ID, NAME, AMOUNT * 2 AS DOUBLED FROM " + stream
        + " WHERE AMOUNT >= 0 EMIT CHANGES;", Map.of())) {
      assertEquals(200, response.status());
      JsonNode header = queryItem(response.nextLine(LINE)).path("header");
      assertTrue(header.path("queryId").asText().startsWith("transient_" + stream + "_"), header.toString());
      assertEquals("`ID` BIGINT KEY, `NAME` STRING, `DOUBLED` INTEGER", header.path("schema").asText());
      insert(stream, 7, "late", 4);
      JsonNode row = queryItem(response.nextLine(LINE)).path("row");
      JsonNode columns = row.path("columns");
      assertEquals(7, columns.get(0).asLong());
      assertEquals("late", columns.get(1).asText());
      assertEquals(8, columns.get(2).asInt());
    }
  }

  @Test
  void pushQueryOverQueryStreamGivesDelimitedHeaderAndRows() throws Exception {
    String stream = "DELIMITED_ROWS";
    stream(stream);
    try (StreamingResponse response = queryStream("SELECT ID, NAME FROM " + stream + " EMIT CHANGES;", Map.of())) {
      assertEquals(200, response.status());
      JsonNode header = Json.mapper().readTree(response.nextLine(LINE));
      assertTrue(header.path("queryId").asText().startsWith("transient_" + stream + "_"));
      assertEquals("[\"ID\",\"NAME\"]", header.path("columnNames").toString());
      assertEquals("[\"BIGINT\",\"STRING\"]", header.path("columnTypes").toString());
      insert(stream, 3, "late", 1);
      JsonNode row = Json.mapper().readTree(response.nextLine(LINE));
      assertEquals("[3,\"late\"]", row.toString());
    }
  }

  @Test
  void earliestReadsRowsFromBeforeTheQueryAndLatestEveryRowAfterItsHeader() throws Exception {
    String stream = "OFFSETS";
    stream(stream);
    insert(stream, 1, "before", 1);
    try (StreamingResponse earliest = queryStream("SELECT ID, NAME FROM " + stream + " EMIT CHANGES;",
        Map.of("auto.offset.reset", "earliest"))) {
      earliest.nextLine(LINE);
      assertEquals("[1,\"before\"]", earliest.nextLine(LINE));
    }
    try (StreamingResponse latest = queryStream("SELECT ID, NAME FROM " + stream + " EMIT CHANGES;", Map.of())) {
      latest.nextLine(LINE);
      insert(stream, 2, "after the header", 2);
      assertEquals("[2,\"after the header\"]", latest.nextLine(LINE));
    }
  }

  @Test
  void aggregatingPushQueryEmitsUpdatedCounts() throws Exception {
    String stream = "COUNTED";
    stream(stream);
    insert(stream, 1, "x", 1);
    insert(stream, 2, "x", 1);
    insert(stream, 3, "y", 1);
    try (StreamingResponse response = queryStream("SELECT NAME, COUNT(*) AS CNT, SUM(AMOUNT) AS TOTAL FROM "
        + stream + " GROUP BY NAME EMIT CHANGES;", Map.of("ksql.streams.auto.offset.reset", "earliest"))) {
      JsonNode header = Json.mapper().readTree(response.nextLine(LINE));
      assertEquals("[\"NAME\",\"CNT\",\"TOTAL\"]", header.path("columnNames").toString());
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        rows.add(response.nextLine(LINE));
      }
      assertEquals(List.of("[\"x\",1,1]", "[\"x\",2,2]", "[\"y\",1,1]"), rows);
      insert(stream, 4, "x", 5);
      assertEquals("[\"x\",3,7]", response.nextLine(LINE));
    }
  }

  @Test
  void pushQueryOverATableStreamsItsChangesWithDeletionsAsTombstones() throws Exception {
    String topic = SharedKafka.uniqueTopic("users");
    server.ok("CREATE TABLE USERS (ID BIGINT PRIMARY KEY, NAME STRING) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    server.ok("INSERT INTO USERS (ID, NAME) VALUES (1, 'ann');");
    server.ok("INSERT INTO USERS (ID, NAME) VALUES (2, 'bob');");
    server.ok("INSERT INTO USERS (ID, NAME) VALUES (1, 'hidden');");
    Records.shared().produce(topic, List.of(Records.record(topic, Records.bigintKey(2), null, 1_700_000_000_000L)));
    try (StreamingResponse response = query("SELECT ID, UCASE(NAME) AS NAME FROM USERS WHERE NAME != 'hidden' "
        + "EMIT CHANGES LIMIT 4;", Map.of("auto.offset.reset", "earliest"))) {
      assertEquals("`ID` BIGINT KEY, `NAME` STRING",
          queryItem(response.nextLine(LINE)).path("header").path("schema").asText());
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        rows.add(queryItem(response.nextLine(LINE)).path("row").toString());
      }
      assertEquals(List.of(
          "{\"columns\":[1,\"ANN\"]}",
          "{\"columns\":[2,\"BOB\"]}",
          "{\"columns\":[1,null],\"tombstone\":true}",
          "{\"columns\":[2,null],\"tombstone\":true}"), rows);
    }
  }

  @Test
  void windowedPushQueryWithEmitFinalSendsEachWindowOnceWhenItCloses() throws Exception {
    String stream = "WINDOWED";
    stream(stream);
    long t0 = 1_700_000_000_000L;
    for (long offset : new long[] {0, 1_000, 2_000, 25_000}) {
      server.ok("INSERT INTO " + stream + " (ROWTIME, ID, NAME, AMOUNT) VALUES (" + (t0 + offset) + ", 1, 'x', 1);");
    }
    try (StreamingResponse response = queryStream("SELECT NAME, WINDOWSTART AS WS, WINDOWEND AS WE, COUNT(*) AS CNT FROM "
        + stream + " WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 0 SECONDS) GROUP BY NAME EMIT FINAL;",
        Map.of("auto.offset.reset", "earliest"))) {
      JsonNode header = Json.mapper().readTree(response.nextLine(LINE));
      assertEquals("[\"NAME\",\"WS\",\"WE\",\"CNT\"]", header.path("columnNames").toString());
      assertEquals("[\"x\"," + t0 + "," + (t0 + 10_000) + ",3]", response.nextLine(LINE));
    }
  }

  @Test
  void limitEndsTheResponseWithTheFinalMessageAndCleansUp() throws Exception {
    String stream = "LIMITED";
    stream(stream);
    for (int i = 0; i < 3; i++) {
      insert(stream, i, "n" + i, i);
    }
    try (StreamingResponse response = query("SELECT NAME, COUNT(*) AS CNT FROM " + stream
        + " GROUP BY NAME EMIT CHANGES LIMIT 2;", Map.of("auto.offset.reset", "earliest"))) {
      String queryId = queryItem(response.nextLine(LINE)).path("header").path("queryId").asText();
      List<JsonNode> items = new ArrayList<>();
      String line;
      while ((line = response.nextLine(LINE)) != null) {
        if (!line.equals("]")) {
          items.add(queryItem(line));
        }
      }
      assertEquals(3, items.size(), items.toString());
      assertEquals("[\"n0\",1]", items.get(0).path("row").path("columns").toString());
      assertEquals("[\"n1\",1]", items.get(1).path("row").path("columns").toString());
      assertEquals("Limit Reached", items.get(2).path("finalMessage").asText());
      awaitCleanedUp(queryId);
    }
  }

  @Test
  void runningPushQueryIsListedUntilCloseQueryEndsItAndRemovesTopicsGroupAndState() throws Exception {
    String stream = "CLOSED";
    stream(stream);
    insert(stream, 1, "a", 1);
    try (StreamingResponse response = queryStream("SELECT NAME, COUNT(*) AS CNT FROM " + stream
        + " GROUP BY NAME EMIT CHANGES;", Map.of("auto.offset.reset", "earliest"))) {
      String queryId = Json.mapper().readTree(response.nextLine(LINE)).path("queryId").asText();
      assertEquals("[\"a\",1]", response.nextLine(LINE));
      String applicationId = server.serviceId() + "_transient_" + queryId;
      assertFalse(internalTopics(applicationId).isEmpty(), "the aggregation repartitions through a topic");
      assertTrue(Files.exists(stateDir(applicationId)), "the aggregation keeps state");

      JsonNode listed = showQuery(queryId);
      assertEquals("PUSH", listed.path("queryType").asText(), listed.toString());
      assertEquals("RUNNING", listed.path("state").asText());
      assertTrue(listed.path("queryString").asText().startsWith("SELECT NAME, COUNT(*)"), listed.toString());

      Http.Response closed = Http.postJson(server.url() + "/close-query", Map.of("queryId", queryId));
      assertEquals(200, closed.status(), closed.body());
      assertNull(response.nextLine(LINE));
      assertTrue(response.ended());
      awaitCleanedUp(queryId);
      assertTrue(showQuery(queryId).isMissingNode(), "a closed push query is no longer listed");
      assertEquals(400, Http.postJson(server.url() + "/close-query", Map.of("queryId", queryId)).status());
    }
  }

  @Test
  void clientDisconnectStopsTheQueryAndCleansUp() throws Exception {
    String stream = "DISCONNECTED";
    stream(stream);
    String queryId;
    try (StreamingResponse response = queryStream("SELECT ID, NAME FROM " + stream + " EMIT CHANGES;", Map.of())) {
      queryId = Json.mapper().readTree(response.nextLine(LINE)).path("queryId").asText();
      assertTrue(pushQueries().get(queryId).isPresent());
    }
    // Idle, the response is kept alive with a newline each second; the first one fails and ends the query.
    Poll.until(WAIT, () -> pushQueries().get(queryId).isEmpty(), "the query of a client that went away to stop");
    awaitCleanedUp(queryId);
  }

  @Test
  void serverStopEndsPushQueriesAndRemovesTheirTopicsGroupsAndState() throws Exception {
    try (TestServer own = TestServer.start()) {
      String topic = SharedKafka.uniqueTopic("stopped");
      own.ok("CREATE STREAM STOPPED (ID BIGINT KEY, NAME STRING) WITH (KAFKA_TOPIC='" + topic
          + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
      own.ok("INSERT INTO STOPPED (ID, NAME) VALUES (1, 'a');");
      try (StreamingResponse response = StreamingResponse.post(own.url() + "/query-stream", Map.of(
          "sql", "SELECT NAME, COUNT(*) AS CNT FROM STOPPED GROUP BY NAME EMIT CHANGES;",
          "properties", Map.of("auto.offset.reset", "earliest")), null)) {
        String queryId = Json.mapper().readTree(response.nextLine(LINE)).path("queryId").asText();
        assertEquals("[\"a\",1]", response.nextLine(LINE));
        String applicationId = own.serviceId() + "_transient_" + queryId;
        Path state = own.server().context().config().streamsStateDir().resolve(applicationId);
        assertTrue(Files.exists(state));

        own.server().close();

        assertNull(response.nextLine(LINE));
        assertTrue(internalTopics(applicationId).isEmpty(), "internal topics are deleted before the server stops");
        assertTrue(SharedKafka.admin().listGroups().all().get().stream().map(GroupListing::groupId)
            .noneMatch(applicationId::equals), "the group is deleted before the server stops");
        assertFalse(Files.exists(state), "the state directory is deleted before the server stops");
      }
    }
  }

  @Test
  void badPushQueryGets400WithLineAndColumn() {
    stream("BAD_QUERY");
    Http.Response response = Http.postJson(server.url() + "/query",
        Map.of("ksql", "SELECT ID,\n  NOPE FROM BAD_QUERY EMIT CHANGES;"));
    assertEquals(400, response.status(), response.body());
    JsonNode error = response.json();
    assertEquals("statement_error", error.path("@type").asText());
    assertEquals(2, error.path("line").asInt(), error.toString());
    assertEquals(3, error.path("column").asInt(), error.toString());
    assertTrue(error.path("message").asText().contains("NOPE"), error.toString());

    Http.Response stream = Http.postJson(server.url() + "/query-stream",
        Map.of("sql", "SELECT ID FROM NO_SUCH_STREAM EMIT CHANGES;"));
    assertEquals(400, stream.status(), stream.body());
    assertEquals(1, stream.json().path("line").asInt());

    Http.Response limitZero = Http.postJson(server.url() + "/query",
        Map.of("ksql", "SELECT ID FROM BAD_QUERY EMIT CHANGES LIMIT 0;"));
    assertEquals(400, limitZero.status(), limitZero.body());
    assertEquals("LIMIT must be a positive whole number", limitZero.json().path("message").asText());
  }

  private static List<String> internalTopics(String applicationId) throws Exception {
    return SharedKafka.admin().listTopics().names().get().stream()
        .filter(name -> name.startsWith(applicationId + "-")).toList();
  }

  private static Path stateDir(String applicationId) {
    return server.server().context().config().streamsStateDir().resolve(applicationId);
  }

  /** Waits until the transient query's internal topics, consumer group and state directory are gone. */
  static void awaitCleanedUp(String queryId) {
    String applicationId = server.serviceId() + "_transient_" + queryId;
    Poll.until(WAIT, () -> internalTopics(applicationId).isEmpty()
        && SharedKafka.admin().listGroups().all().get().stream().map(GroupListing::groupId)
            .noneMatch(applicationId::equals)
        && !Files.exists(stateDir(applicationId))
        && pushQueries().get(queryId).isEmpty(), "query " + queryId + " to be cleaned up");
    assertNotNull(queryId);
  }

  /** The SHOW QUERIES entry of {@code queryId}, or a missing node. */
  private static JsonNode showQuery(String queryId) {
    for (JsonNode query : server.ok("SHOW QUERIES;").get(0).path("queries")) {
      if (query.path("id").asText().equals(queryId)) {
        return query;
      }
    }
    return MissingNode.getInstance();
  }
}

package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Pull queries on a table whose store is spread over two nodes of one service, on the real broker:
 * either node answers key lookups and scans for every partition (its own and the other's), LIMIT
 * holds across nodes, and when the active host of some partitions cannot be reached a standby copy
 * answers and the response says so.
 */
class PullQueryRoutingEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int USERS = 20;
  private static final int CLICKS_PER_USER = 5;
  private static final String SOURCE_HEADER = "X-Sluice-Pull-Source";

  @Test
  void eitherNodeAnswersKeyLookupsScansAndLimitsForEveryPartition() {
    try (TestServer first = TestServer.start(); TestServer second = TestServer.joining(first)) {
      String queryId = countsTable(first, second, Set.of(hostPort(first.url()), hostPort(second.url())));
      Map<Long, Long> expected = expectedCounts();
      for (TestServer node : List.of(first, second)) {
        Poll.until(WAIT, () -> counts(node, "SELECT * FROM COUNTS;").equals(expected),
            "a scan on " + node.url() + " to see every user's count");
      }
      assertTrue(bothNodesOwnKeys(first, queryId), "some keys live on each node");

      for (TestServer node : List.of(first, second)) {
        Http.Response scan = query(node, "SELECT * FROM COUNTS;", Map.of());
        assertEquals(USERS, rows(scan).size(), "a scan returns every row exactly once");
        assertEquals(expected, counts(node, "SELECT * FROM COUNTS;"));
        assertEquals("active", scan.header(SOURCE_HEADER));
        for (long user = 0; user < USERS; user++) {
          assertEquals(List.of(List.of(user, (long) CLICKS_PER_USER)),
              values(query(node, "SELECT * FROM COUNTS WHERE USERID = " + user + ";", Map.of())),
              "user " + user + " on " + node.url());
        }
        String all = expected.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
        assertEquals(expected, toCounts(values(query(node, "SELECT * FROM COUNTS WHERE USERID IN (" + all + ");",
            Map.of()))), "an IN list of keys on both nodes");
        List<List<Object>> limited = values(query(node, "SELECT * FROM COUNTS LIMIT 7;", Map.of()));
        assertEquals(7, limited.size(), "LIMIT applies to the merged rows");
        assertEquals(7, new HashSet<>(limited).size());
        assertEquals(List.of(List.of(3L)),
            values(query(node, "SELECT USERID FROM COUNTS WHERE USERID IN (3, 999) LIMIT 1;", Map.of())));
      }
      Http.Response stream = Http.postJson(second.url() + "/query-stream",
          Map.of("sql", "SELECT * FROM COUNTS;", "properties", Map.of()));
      assertEquals(200, stream.status(), stream.body());
      assertEquals("active", stream.header(SOURCE_HEADER));
    }
  }

  @Test
  void aStandbyAnswersWhenTheActiveHostCannotBeReached() {
    Map<String, String> standbys = Map.of("streams.num.standby.replicas", "1");
    String unreachable = "http://127.0.0.1:" + closedPort();
    try (TestServer first = TestServer.start(standbys);
        // The second node runs its share of the table but advertises an address where nothing listens.
        TestServer second = TestServer.joining(first, Map.of("advertised.url", unreachable))) {
      String queryId = countsTable(first, second, Set.of(hostPort(first.url()), hostPort(unreachable)));
      assertTrue(bothNodesOwnKeys(first, queryId), "some keys live on the unreachable node");
      Map<Long, Long> expected = expectedCounts();

      Poll.until(WAIT, () -> counts(first, "SELECT * FROM COUNTS;").equals(expected),
          "the first node to read the unreachable node's partitions from its standby copies");
      Http.Response scan = query(first, "SELECT * FROM COUNTS;", Map.of());
      assertEquals(USERS, rows(scan).size());
      assertEquals("standby", scan.header(SOURCE_HEADER));
      Set<String> sources = new HashSet<>();
      for (long user = 0; user < USERS; user++) {
        Http.Response lookup = query(first, "SELECT * FROM COUNTS WHERE USERID = " + user + ";", Map.of());
        assertEquals(List.of(List.of(user, (long) CLICKS_PER_USER)), values(lookup), "user " + user);
        sources.add(lookup.header(SOURCE_HEADER));
      }
      assertEquals(Set.of("active", "standby"), sources, "local keys come from active stores, the others from standbys");

      Http.Response badBound = query(first, "SELECT * FROM COUNTS;",
          Map.of("ksql.query.pull.max.allowed.offset.lag", "lots"));
      assertEquals(400, badBound.status());
      assertTrue(badBound.json().path("message").asText().contains("ksql.query.pull.max.allowed.offset.lag"),
          badBound.body());
      Http.Response caughtUp = query(first, "SELECT * FROM COUNTS;",
          Map.of("ksql.query.pull.max.allowed.offset.lag", String.valueOf(Long.MAX_VALUE)));
      assertEquals(expected, toCounts(values(caughtUp)), "a standby within the lag bound answers");
      // Under exactly_once_v2 each transaction's commit marker takes an offset of the changelog, so
      // a standby that holds every record still reports a lag of 1: a bound of 0 refuses it.
      Http.Response tooStale = query(first, "SELECT * FROM COUNTS;", Map.of("ksql.query.pull.max.allowed.offset.lag", "0"));
      assertEquals(400, tooStale.status(), tooStale.body());
      assertTrue(tooStale.json().path("message").asText()
          .matches(".*partition \\d+ of store \\S+ is \\d+ records behind on this standby, more than the allowed "
              + "offset lag 0.*"), tooStale.body());
    }
  }

  @Test
  void aSourceTableMaterializedOnBothNodesIsReadWholeFromEither() throws Exception {
    try (TestServer first = TestServer.start(); TestServer second = TestServer.joining(first)) {
      String topic = SharedKafka.uniqueTopic("users");
      first.ok("CREATE TABLE USERS (ID BIGINT PRIMARY KEY, NAME STRING) WITH (KAFKA_TOPIC='" + topic
          + "', VALUE_FORMAT='JSON', PARTITIONS=4);");
      List<ProducerRecord<byte[], byte[]>> users = new ArrayList<>();
      Map<Long, String> expected = new TreeMap<>();
      for (long id = 0; id < USERS; id++) {
        users.add(Records.record(topic, Records.bigintKey(id), "{\"NAME\":\"user" + id + "\"}", 1_700_000_000_000L));
        expected.put(id, "user" + id);
      }
      Records.shared().produce(topic, users);
      assertEquals(expected, names(query(first, "SELECT * FROM USERS;", Map.of())), "one node reads the table whole");

      // The second node's first pull query starts its own member of the materialization's group.
      String group = first.serviceId() + "_source_table_USERS";
      Poll.until(WAIT, () -> {
        Http.Response response = query(second, "SELECT * FROM USERS;", Map.of());
        return response.status() == 200 && names(response).equals(expected)
            && SharedKafka.admin().describeConsumerGroups(List.of(group)).all().get().get(group).members().size() == 2;
      }, "both nodes to run the materialization of USERS");
      for (TestServer node : List.of(first, second)) {
        Poll.until(WAIT, () -> query(node, "SELECT * FROM USERS;", Map.of()).status() == 200,
            "the materialization on " + node.url() + " to be running");
        Http.Response scan = query(node, "SELECT * FROM USERS;", Map.of());
        assertEquals(USERS, rows(scan).size(), "every row exactly once");
        assertEquals(expected, names(scan));
        for (long id = 0; id < USERS; id++) {
          assertEquals(List.of(List.of(id, "user" + id)),
              values(query(node, "SELECT * FROM USERS WHERE ID = " + id + ";", Map.of())), "user " + id);
        }
      }
    }
  }

  private static Map<Long, String> names(Http.Response response) {
    Map<Long, String> names = new TreeMap<>();
    for (List<Object> row : values(response)) {
      names.merge((Long) row.get(0), (String) row.get(1), (a, b) -> "duplicated");
    }
    return names;
  }

  /** Creates COUNTS over a 4-partition stream, waits until both nodes run it as {@code endpoints}, and fills it. */
  private static String countsTable(TestServer first, TestServer second, Set<String> endpoints) {
    String input = SharedKafka.uniqueTopic("clicks");
    first.ok("CREATE STREAM CLICKS (USERID BIGINT KEY, PAGE STRING) WITH (KAFKA_TOPIC='" + input
        + "', VALUE_FORMAT='JSON', PARTITIONS=4);");
    String queryId = first.ok("CREATE TABLE COUNTS WITH (KAFKA_TOPIC='" + input + "-counts') AS "
            + "SELECT USERID, COUNT(*) AS N FROM CLICKS GROUP BY USERID EMIT CHANGES;")
        .get(0).path("commandStatus").path("queryId").asText();
    Poll.until(WAIT, () -> first.advertised(queryId).equals(endpoints) && second.advertised(queryId).equals(endpoints),
        "both nodes to run " + queryId + " as members advertising " + endpoints);
    List<ProducerRecord<byte[], byte[]>> clicks = new ArrayList<>();
    for (int i = 0; i < USERS * CLICKS_PER_USER; i++) {
      clicks.add(Records.record(input, Records.bigintKey(i % USERS), "{\"PAGE\":\"p" + i + "\"}", 1_700_000_000_000L + i));
    }
    Records.shared().produce(input, clicks);
    return queryId;
  }

  /** True if, as {@code node} sees the query's group, each of two members is the active host of some partition. */
  private static boolean bothNodesOwnKeys(TestServer node, String queryId) {
    return node.advertised(queryId).size() == 2;
  }



  private static Http.Response query(TestServer node, String sql, Map<String, String> properties) {
    return Http.postJson(node.url() + "/query", Map.of("ksql", sql, "streamsProperties", properties));
  }

  /** The count of each user a pull query on {@code node} returns; empty when the node cannot answer yet. */
  private static Map<Long, Long> counts(TestServer node, String sql) {
    Http.Response response = query(node, sql, Map.of());
    return response.status() == 200 ? toCounts(values(response)) : Map.of();
  }

  private static Map<Long, Long> toCounts(List<List<Object>> rows) {
    Map<Long, Long> counts = new TreeMap<>();
    for (List<Object> row : rows) {
      counts.merge((Long) row.get(0), (Long) row.get(1), (a, b) -> -1L);
    }
    return counts;
  }

  private static List<JsonNode> rows(Http.Response response) {
    assertEquals(200, response.status(), response.body());
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode item : response.json()) {
      if (item.has("row")) {
        rows.add(item.path("row").path("columns"));
      }
    }
    return rows;
  }

  private static List<List<Object>> values(Http.Response response) {
    List<List<Object>> out = new ArrayList<>();
    for (JsonNode columns : rows(response)) {
      List<Object> row = new ArrayList<>();
      columns.forEach(value -> row.add(value.isIntegralNumber() ? (Object) value.asLong() : value.asText()));
      out.add(row);
    }
    return out;
  }

  private static Map<Long, Long> expectedCounts() {
    Map<Long, Long> counts = new TreeMap<>();
    for (long user = 0; user < USERS; user++) {
      counts.put(user, (long) CLICKS_PER_USER);
    }
    return counts;
  }

  private static String hostPort(String url) {
    URI uri = URI.create(url);
    return uri.getHost() + ":" + uri.getPort();
  }

  /** A port nothing listens on: taken from the system, then let go. */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

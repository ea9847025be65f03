package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.rest.Json;
import io.sluice.server.testing.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Joins submitted over REST on the real broker, their output topics read as a downstream
 * read_committed consumer reads them and compared record by record: a stream-table join feeding a
 * session-windowed alert table, a table-table join following updates and deletes of both sides,
 * and a push query over a stream-stream join.
 */
class JoinsEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration LINE = Duration.ofSeconds(30);
  /** Event times are written as milliseconds after this instant. */
  private static final long T0 = 1_700_000_000_000L;

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
  void riskyCardTransactionsRaiseOneAlertPerSessionOfThreeOrMore() {
    String tx = SharedKafka.uniqueTopic("tx");
    String risk = SharedKafka.uniqueTopic("risk");
    String risky = tx + "-risky";
    String alerts = tx + "-alerts";
    // Transactions are keyed by their id: the join re-keys them by card through a repartition topic.
    server.ok("CREATE STREAM TX (TX_ID STRING KEY, CARD STRING, AMOUNT INT) WITH (KAFKA_TOPIC='" + tx
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);"
        + "CREATE TABLE RISK (CARD STRING PRIMARY KEY, SCORE INT) WITH (KAFKA_TOPIC='" + risk
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    Records.shared().produce(risk, List.of(
        score(risk, 0, "c-low", 10),
        score(risk, 1, "c-burst", 90),
        score(risk, 2, "c-late", 20)));
    String joinQuery = queryId(server.ok("CREATE STREAM RISKY WITH (KAFKA_TOPIC='" + risky + "') AS "
        + "SELECT T.CARD AS CARD, TX_ID, AMOUNT, SCORE FROM TX T JOIN RISK R ON T.CARD = R.CARD "
        + "WHERE R.SCORE >= 70;"));
    server.ok("CREATE TABLE ALERTS WITH (KAFKA_TOPIC='" + alerts + "') AS "
        + "SELECT CARD, COUNT(*) AS TXS, SUM(AMOUNT) AS TOTAL FROM RISKY "
        + "WINDOW SESSION (60 SECONDS) GROUP BY CARD HAVING COUNT(*) >= 3;");
    // The table holds every risk row before the first transaction comes.
    Records.shared().awaitCommitted(group(joinQuery), risk, WAIT);

    Records.shared().produce(tx, List.of(
        payment(tx, 10, "t01", "c-low", 5),
        payment(tx, 11, "t02", "c-burst", 100),
        payment(tx, 12, "t03", "c-late", 7),
        payment(tx, 20, "t04", "c-burst", 200),
        payment(tx, 21, "t05", "c-low", 5),
        payment(tx, 30, "t06", "c-late", 8),
        payment(tx, 31, "t07", "c-burst", 300),
        payment(tx, 40, "t08", "c-unknown", 999),
        payment(tx, 41, "t09", "c-low", 5),
        payment(tx, 42, "t10", "c-burst", 400)));
    // t10 is risky and the last of these: once it is joined, so are the others.
    Records.shared().awaitAtLeast(risky, 4, WAIT);

    // c-late turns risky: its later transactions join the new score, its earlier ones stay as they were.
    Records.shared().produce(risk, List.of(score(risk, 45, "c-late", 95)));
    Records.shared().awaitCommitted(group(joinQuery), risk, WAIT);
    Records.shared().produce(tx, List.of(
        payment(tx, 50, "t11", "c-late", 10),
        payment(tx, 55, "t12", "c-late", 20),
        payment(tx, 60, "t13", "c-late", 30),
        // 158 s after c-burst's last risky transaction: beyond the 60 s gap, a new session.
        payment(tx, 200, "t14", "c-burst", 50),
        payment(tx, 210, "t15", "c-burst", 60),
        payment(tx, 220, "t16", "c-burst", 70),
        payment(tx, 230, "t17", "c-low", 5)));

    Records.shared().awaitCommitted(group(joinQuery), tx, WAIT);
    Records.shared().awaitAtLeast(risky, 10, WAIT);
    assertEquals(List.of(
        "@11000 \"c-burst\" | {\"TX_ID\":\"t02\",\"AMOUNT\":100,\"SCORE\":90}",
        "@20000 \"c-burst\" | {\"TX_ID\":\"t04\",\"AMOUNT\":200,\"SCORE\":90}",
        "@31000 \"c-burst\" | {\"TX_ID\":\"t07\",\"AMOUNT\":300,\"SCORE\":90}",
        "@42000 \"c-burst\" | {\"TX_ID\":\"t10\",\"AMOUNT\":400,\"SCORE\":90}",
        "@50000 \"c-late\" | {\"TX_ID\":\"t11\",\"AMOUNT\":10,\"SCORE\":95}",
        "@55000 \"c-late\" | {\"TX_ID\":\"t12\",\"AMOUNT\":20,\"SCORE\":95}",
        "@60000 \"c-late\" | {\"TX_ID\":\"t13\",\"AMOUNT\":30,\"SCORE\":95}",
        "@200000 \"c-burst\" | {\"TX_ID\":\"t14\",\"AMOUNT\":50,\"SCORE\":90}",
        "@210000 \"c-burst\" | {\"TX_ID\":\"t15\",\"AMOUNT\":60,\"SCORE\":90}",
        "@220000 \"c-burst\" | {\"TX_ID\":\"t16\",\"AMOUNT\":70,\"SCORE\":90}"),
        Records.shared().lines(risky, T0, Records.STRING_KEY));

    // Each change of a session deletes the session as it was, then writes it anew, or deletes it
    // while HAVING rejects it; the last record below is written for the last risky transaction.
    List<String> expectedAlerts = List.of(
        "@11000 window=11000,11000 \"c-burst\" | <null>",
        "@11000 window=11000,11000 \"c-burst\" | <null>",
        "@20000 window=11000,20000 \"c-burst\" | <null>",
        "@20000 window=11000,20000 \"c-burst\" | <null>",
        "@31000 window=11000,31000 \"c-burst\" | {\"TXS\":3,\"TOTAL\":600}",
        "@31000 window=11000,31000 \"c-burst\" | <null>",
        "@42000 window=11000,42000 \"c-burst\" | {\"TXS\":4,\"TOTAL\":1000}",
        "@50000 window=50000,50000 \"c-late\" | <null>",
        "@50000 window=50000,50000 \"c-late\" | <null>",
        "@55000 window=50000,55000 \"c-late\" | <null>",
        "@55000 window=50000,55000 \"c-late\" | <null>",
        "@60000 window=50000,60000 \"c-late\" | {\"TXS\":3,\"TOTAL\":60}",
        "@200000 window=200000,200000 \"c-burst\" | <null>",
        "@200000 window=200000,200000 \"c-burst\" | <null>",
        "@210000 window=200000,210000 \"c-burst\" | <null>",
        "@210000 window=200000,210000 \"c-burst\" | <null>",
        "@220000 window=200000,220000 \"c-burst\" | {\"TXS\":3,\"TOTAL\":180}");
    Records.shared().awaitAtLeast(alerts, expectedAlerts.size(), WAIT);
    assertEquals(expectedAlerts,
        Records.shared().lines(alerts, T0, Records.sessionWindowed(Records.STRING_KEY, T0)));
  }

  @Test
  void tableTableJoinFollowsUpdatesAndDeletesOfBothSides() {
    String left = SharedKafka.uniqueTopic("accounts");
    String right = SharedKafka.uniqueTopic("limits");
    String joined = left + "-joined";
    server.ok("CREATE TABLE ACCOUNTS (ID STRING PRIMARY KEY, OWNER STRING) WITH (KAFKA_TOPIC='" + left
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);"
        + "CREATE TABLE LIMITS (ID STRING PRIMARY KEY, MAX_AMOUNT INT) WITH (KAFKA_TOPIC='" + right
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    server.ok("CREATE TABLE ACCOUNT_LIMITS WITH (KAFKA_TOPIC='" + joined + "') AS "
        + "SELECT A.ID, OWNER, MAX_AMOUNT FROM ACCOUNTS A LEFT JOIN LIMITS L ON A.ID = L.ID;");

    // One change at a time, each awaited in the output, so the two topics' order is the test's.
    List<String> expected = new ArrayList<>();
    change(left, 1, "k1", "{\"OWNER\":\"ann\"}", joined, expected,
        "@1000 \"k1\" | {\"OWNER\":\"ann\",\"MAX_AMOUNT\":null}");
    change(right, 2, "k1", "{\"MAX_AMOUNT\":100}", joined, expected,
        "@2000 \"k1\" | {\"OWNER\":\"ann\",\"MAX_AMOUNT\":100}");
    change(left, 3, "k2", "{\"OWNER\":\"bob\"}", joined, expected,
        "@3000 \"k2\" | {\"OWNER\":\"bob\",\"MAX_AMOUNT\":null}");
    change(right, 4, "k2", "{\"MAX_AMOUNT\":200}", joined, expected,
        "@4000 \"k2\" | {\"OWNER\":\"bob\",\"MAX_AMOUNT\":200}");
    change(left, 5, "k1", "{\"OWNER\":\"anne\"}", joined, expected,
        "@5000 \"k1\" | {\"OWNER\":\"anne\",\"MAX_AMOUNT\":100}");
    change(right, 6, "k2", "{\"MAX_AMOUNT\":250}", joined, expected,
        "@6000 \"k2\" | {\"OWNER\":\"bob\",\"MAX_AMOUNT\":250}");
    change(right, 7, "k1", null, joined, expected,
        "@7000 \"k1\" | {\"OWNER\":\"anne\",\"MAX_AMOUNT\":null}");
    change(left, 8, "k2", null, joined, expected,
        "@8000 \"k2\" | <null>");
    // A limit without an account writes nothing, but is joined once the account comes.
    change(right, 9, "k3", "{\"MAX_AMOUNT\":300}", joined, expected);
    change(left, 10, "k3", "{\"OWNER\":\"cy\"}", joined, expected,
        "@10000 \"k3\" | {\"OWNER\":\"cy\",\"MAX_AMOUNT\":300}");
    // Deleting k2's limit after its account is gone touches no joined row.
    change(right, 11, "k2", null, joined, expected);
    change(left, 12, "k1", null, joined, expected,
        "@12000 \"k1\" | <null>");

    assertEquals(expected, Records.shared().lines(joined, T0, Records.STRING_KEY));
  }

  @Test
  void pushQueryOverAStreamStreamJoinSeesTheJoinedRows() throws Exception {
    String orders = SharedKafka.uniqueTopic("orders");
    String shipments = SharedKafka.uniqueTopic("shipments");
    server.ok("CREATE STREAM ORDERS (ID BIGINT KEY, ITEM STRING) WITH (KAFKA_TOPIC='" + orders
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);"
        + "CREATE STREAM SHIPMENTS (ID BIGINT KEY, CARRIER STRING) WITH (KAFKA_TOPIC='" + shipments
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    Records.shared().produce(orders, List.of(
        Records.record(orders, Records.bigintKey(1), "{\"ITEM\":\"book\"}", T0 + 1_000),
        Records.record(orders, Records.bigintKey(2), "{\"ITEM\":\"lamp\"}", T0 + 2_000)));
    Records.shared().produce(shipments, List.of(
        Records.record(shipments, Records.bigintKey(1), "{\"CARRIER\":\"ups\"}", T0 + 3_000)));

    try (StreamingResponse response = StreamingResponse.post(server.url() + "/query-stream", Map.of(
        "sql", "SELECT O.ID, ITEM, CARRIER FROM ORDERS O JOIN SHIPMENTS S WITHIN 10 SECONDS ON O.ID = S.ID "
            + "EMIT CHANGES;",
        "properties", Map.of("auto.offset.reset", "earliest")), null)) {
      assertEquals(200, response.status());
      JsonNode header = Json.mapper().readTree(response.nextLine(LINE));
      assertEquals("[\"O_ID\",\"ITEM\",\"CARRIER\"]", header.path("columnNames").toString());
      assertEquals("[\"BIGINT\",\"STRING\",\"STRING\"]", header.path("columnTypes").toString());
      assertEquals("[1,\"book\",\"ups\"]", response.nextLine(LINE));

      // Order 2 is shipped after the query started, within its window; a shipment of an order
      // never placed joins nothing.
      Records.shared().produce(shipments, List.of(
          Records.record(shipments, Records.bigintKey(9), "{\"CARRIER\":\"dhl\"}", T0 + 4_000),
          Records.record(shipments, Records.bigintKey(2), "{\"CARRIER\":\"fedex\"}", T0 + 5_000)));
      assertEquals("[2,\"lamp\",\"fedex\"]", response.nextLine(LINE));
    }
  }

  /**
   * Writes one change to a table's topic, adds the output records it must cause to
   * {@code expected}, and waits until the output holds them all.
   */
  private static void change(String topic, long second, String key, String value, String output,
      List<String> expected, String... caused) {
    Records.shared().produce(topic, List.of(Records.record(topic, Records.stringKey(key), value, T0 + second * 1000)));
    expected.addAll(List.of(caused));
    if (caused.length > 0) {
      Records.shared().awaitAtLeast(output, expected.size(), WAIT);
    }
  }

  private static ProducerRecord<byte[], byte[]> score(String topic, long second, String card, int score) {
    return Records.record(topic, Records.stringKey(card), "{\"SCORE\":" + score + "}", T0 + second * 1000);
  }

  private static ProducerRecord<byte[], byte[]> payment(String topic, long second, String id, String card,
      int amount) {
    return Records.record(topic, Records.stringKey(id), "{\"CARD\":\"" + card + "\",\"AMOUNT\":" + amount + "}",
        T0 + second * 1000);
  }

  private static String queryId(JsonNode entities) {
    return entities.get(0).path("commandStatus").path("queryId").asText();
  }

  private static String group(String queryId) {
    return server.serviceId() + "_query_" + queryId;
  }
}

package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.DataType;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.server.engine.EngineComponent;
import io.sluice.server.pull.PullQueryRunner;
import io.sluice.server.results.QueryResults;
import io.sluice.server.results.SelectRefusedException;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pull queries on tables kept by aggregations, on the real broker: key lookups see the current
 * aggregate, IN and multi-column keys, windows of a key by their bounds, key ranges, scans with
 * filters (and their switch), LIMIT, projections, and the refusals.
 */
class PullQueryEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final long EPOCH = 1_700_000_000_000L;

  private static TestServer server;
  private static PullQueryRunner runner;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    runner = server.server().component(EngineComponent.class).orElseThrow().pullQueries();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void pullQueryByKeyReturnsCurrentCountAfterUpdates() {
    String topic = clicks("CLICKS_A", "COUNTS_A");
    produceClicks(topic, 42, 3);
    produceClicks(topic, 7, 1);
    awaitRows("SELECT * FROM COUNTS_A WHERE USERID = 42;", List.of(List.of(42L, 3L)));

    produceClicks(topic, 42, 2);
    awaitRows("SELECT * FROM COUNTS_A WHERE USERID = 42;", List.of(List.of(42L, 5L)));

    try (QueryResults results = runner.run("SELECT * FROM COUNTS_A WHERE USERID = 42;", Map.of())) {
      assertEquals(List.of(Column.key("USERID", DataType.BIGINT),
          Column.value("N", DataType.BIGINT)), results.schema().columns());
      assertTrue(results.queryId().startsWith("query_"), results.queryId());
    }
  }

  @Test
  void pullQueryRightAfterTheTableIsCreatedWaitsForItsQueryToStartRatherThanFailing() {
    clicks("CLICKS_NEW", "COUNTS_NEW");
    assertEquals(List.of(), rows("SELECT * FROM COUNTS_NEW WHERE USERID = 1;"));
  }

  @Test
  void keyLookupsInListsRangesScansLimitsAndProjections() {
    String topic = clicks("CLICKS_B", "COUNTS_B");
    produceClicks(topic, 42, 3);
    produceClicks(topic, 7, 1);
    produceClicks(topic, 9, 2);
    awaitRows("SELECT * FROM COUNTS_B WHERE USERID = 9;", List.of(List.of(9L, 2L)));
    awaitRows("SELECT * FROM COUNTS_B WHERE USERID = 42;", List.of(List.of(42L, 3L)));
    awaitRows("SELECT * FROM COUNTS_B WHERE USERID = 7;", List.of(List.of(7L, 1L)));

    assertEquals(List.of(), rows("SELECT * FROM COUNTS_B WHERE USERID = 999;"), "a missing key gives no rows");
    assertEquals(List.of(List.of(42L, 3L), List.of(7L, 1L)),
        rows("SELECT * FROM COUNTS_B WHERE USERID IN (42, 7, 999);"));
    assertEquals(List.of(List.of(14L, 2L, "user-7")),
        rows("SELECT USERID * 2 AS DOUBLED, N + 1 AS M, CONCAT('user-', CAST(USERID AS STRING)) AS NAME "
            + "FROM COUNTS_B WHERE USERID = 7;"));
    assertEquals(sorted(List.of(List.of(7L, 1L), List.of(9L, 2L))),
        sorted(rows("SELECT USERID, N FROM COUNTS_B WHERE USERID BETWEEN 5 AND 10;")), "key range");
    assertEquals(List.of(List.of(9L)), rows("SELECT USERID FROM COUNTS_B WHERE USERID > 7 AND USERID < 40;"));
    assertEquals(List.of(List.of(42L)), rows("SELECT USERID FROM COUNTS_B WHERE N > 2;"), "scan with a value filter");
    assertEquals(3, rows("SELECT * FROM COUNTS_B;").size());
    assertEquals(2, rows("SELECT * FROM COUNTS_B LIMIT 2;").size());
    assertEquals(1, rows("SELECT * FROM COUNTS_B WHERE USERID IN (42, 7) LIMIT 1;").size());
  }

  @Test
  void keyLookupsThatDifferOnlyInTheirKeysArePlannedAndCompiledOnce() {
    String topic = clicks("CLICKS_K", "COUNTS_K");
    for (long user = 1; user <= 20; user++) {
      produceClicks(topic, user, (int) user);
    }
    List<List<Object>> all = new ArrayList<>();
    StringBuilder users = new StringBuilder();
    for (long user = 1; user <= 20; user++) {
      all.add(List.of(user, user));
      users.append(user == 1 ? "" : ", ").append(user);
    }
    awaitRows("SELECT * FROM COUNTS_K WHERE USERID IN (" + users + ");", all);
    awaitRows("SELECT N FROM COUNTS_K WHERE USERID IN (1, 2) AND N > 0;", List.of(List.of(1L), List.of(2L)));
    awaitRows("SELECT * FROM COUNTS_K WHERE USERID = 1;", List.of(List.of(1L, 1L)));

    long compiled = ExpressionCompiler.compiledClassCount();
    long started = System.nanoTime();
    int lookups = 0;
    for (int round = 0; round < 50; round++) {
      for (long user = 1; user <= 20; user++) {
        assertEquals(List.of(List.of(user, user)), rows("SELECT * FROM COUNTS_K WHERE USERID = " + user + ";"));
        lookups++;
      }
    }
    long micros = (System.nanoTime() - started) / 1000 / lookups;
    assertEquals(List.of(List.of(5L), List.of(7L)), rows("SELECT N FROM COUNTS_K WHERE USERID IN (5, 7) AND N > 0;"));
    assertEquals(List.of(List.of(20L, 20L)), rows("SELECT * FROM COUNTS_K WHERE USERID = 20;"));
    assertEquals(compiled, ExpressionCompiler.compiledClassCount(),
        "lookups of other keys reuse the compiled query (" + micros + " us per lookup)");
    assertEquals(List.of(List.of(3L)), rows("SELECT N FROM COUNTS_K WHERE USERID = 3;"));

    assertEquals(List.of(List.of(7L)), rows("SELECT N FROM COUNTS_K WHERE USERID IN (5, 7) AND N > 6;"),
        "another literal outside the keys is another query");
    assertEquals(List.of(), rows("SELECT N FROM COUNTS_K WHERE USERID IN (5, 7) AND N > 7;"));
    assertEquals(List.of(List.of(9L)), rows("SELECT N FROM COUNTS_K WHERE USERID IN (5, 9) AND N > 7;"));
  }

  @Test
  void keyRangesAcrossZeroAndOnStringKeys() {
    String topic = SharedKafka.uniqueTopic("ranges");
    server.ok("CREATE TABLE LEVELS_R (ID BIGINT PRIMARY KEY, V INT) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=2);");
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (long id = -3; id <= 3; id++) {
      records.add(Records.record(topic, Records.bigintKey(id), "{\"V\":" + (id * 10) + "}", EPOCH));
    }
    records.add(Records.record(topic, Records.bigintKey(Long.MIN_VALUE), "{\"V\":0}", EPOCH));
    records.add(Records.record(topic, Records.bigintKey(Long.MAX_VALUE), "{\"V\":0}", EPOCH));
    Records.shared().produce(topic, records);
    assertEquals(List.of(List.of(-2L), List.of(-1L), List.of(0L), List.of(1L)),
        sorted(rows("SELECT ID FROM LEVELS_R WHERE ID BETWEEN -2 AND 1;")));
    assertEquals(List.of(List.of(-1L), List.of(0L)), sorted(rows("SELECT ID FROM LEVELS_R WHERE ID > -2 AND ID < 1;")));
    assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L), List.of(Long.MAX_VALUE)),
        sorted(rows("SELECT ID FROM LEVELS_R WHERE ID > 0;")));
    assertEquals(List.of(List.of(Long.MIN_VALUE), List.of(-3L), List.of(-2L), List.of(-1L)),
        sorted(rows("SELECT ID FROM LEVELS_R WHERE ID < 0;")));
    assertEquals(List.of(List.of(-3L, -30)), rows("SELECT * FROM LEVELS_R WHERE ID <= -3 AND V < 0;"));
    assertEquals(List.of(), rows("SELECT ID FROM LEVELS_R WHERE ID > 3 AND ID < 10;"));

    String words = SharedKafka.uniqueTopic("words");
    server.ok("CREATE STREAM WORDS_R (W STRING KEY, N INT) WITH (KAFKA_TOPIC='" + words
        + "', VALUE_FORMAT='JSON', PARTITIONS=2);");
    server.ok("CREATE TABLE WORD_COUNTS_R AS SELECT W, COUNT(*) AS C FROM WORDS_R GROUP BY W;");
    List<ProducerRecord<byte[], byte[]>> texts = new ArrayList<>();
    for (String word : List.of("apple", "banana", "berry", "cherry", "date", "\u00e9clair")) {
      texts.add(Records.record(words, word.getBytes(java.nio.charset.StandardCharsets.UTF_8), "{\"N\":1}", EPOCH));
    }
    Records.shared().produce(words, texts);
    awaitRows("SELECT W FROM WORD_COUNTS_R WHERE W IN ('apple', 'banana', 'berry', 'cherry', 'date', '\u00e9clair');",
        List.of(List.of("apple"), List.of("banana"), List.of("berry"), List.of("cherry"), List.of("date"),
            List.of("\u00e9clair")));
    assertEquals(List.of(List.of("banana"), List.of("berry"), List.of("cherry")),
        sorted(rows("SELECT W FROM WORD_COUNTS_R WHERE W >= 'b' AND W < 'd';")));
    assertEquals(List.of(List.of("date"), List.of("\u00e9clair")),
        sorted(rows("SELECT W FROM WORD_COUNTS_R WHERE W > 'cherry';")));
  }

  @Test
  void tableScansCanBeTurnedOff() {
    clicks("CLICKS_C", "COUNTS_C");
    Map<String, String> noScans = Map.of(PullQueryRunner.TABLE_SCAN_PROPERTY, "false");
    SelectRefusedException refused = assertThrows(SelectRefusedException.class,
        () -> runner.run("SELECT * FROM COUNTS_C WHERE N > 2;", noScans));
    assertTrue(refused.getMessage().startsWith("Table scans are disabled"), refused.getMessage());
    assertEquals(1, refused.error().line());
    assertEquals(30, refused.error().column(), "the error points at the WHERE condition");
    awaitRows("SELECT * FROM COUNTS_C WHERE USERID = 1;", List.of(), noScans);
  }

  @Test
  void multiColumnKeysAreLookedUpWhole() {
    String topic = SharedKafka.uniqueTopic("orders");
    server.ok("CREATE STREAM ORDERS_M (ID BIGINT KEY, REGION STRING, PRODUCT STRING, QTY INT) WITH (KAFKA_TOPIC='"
        + topic + "', VALUE_FORMAT='JSON', PARTITIONS=3);");
    server.ok("CREATE TABLE SALES_M WITH (KEY_FORMAT='JSON') AS SELECT REGION, PRODUCT, SUM(QTY) AS TOTAL "
        + "FROM ORDERS_M GROUP BY REGION, PRODUCT;");
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    String[][] orders = {{"eu", "apple", "3"}, {"eu", "apple", "4"}, {"us", "apple", "5"}, {"eu", "pear", "1"}};
    for (int i = 0; i < orders.length; i++) {
      records.add(Records.record(topic, Records.bigintKey(i), "{\"REGION\":\"" + orders[i][0] + "\",\"PRODUCT\":\""
          + orders[i][1] + "\",\"QTY\":" + orders[i][2] + "}", EPOCH + i));
    }
    Records.shared().produce(topic, records);
    awaitRows("SELECT * FROM SALES_M WHERE REGION = 'eu' AND PRODUCT = 'pear';", List.of(List.of("eu", "pear", 1)));
    awaitRows("SELECT * FROM SALES_M WHERE PRODUCT = 'apple' AND REGION = 'eu';", List.of(List.of("eu", "apple", 7)));
    awaitRows("SELECT * FROM SALES_M WHERE PRODUCT = 'apple' AND REGION = 'us';", List.of(List.of("us", "apple", 5)));

    assertEquals(List.of(List.of("eu", 7), List.of("us", 5)),
        rows("SELECT REGION, TOTAL FROM SALES_M WHERE REGION IN ('eu', 'us', 'asia') AND PRODUCT = 'apple';"));
    assertEquals(sorted(List.of(List.of("apple", 7), List.of("pear", 1))),
        sorted(rows("SELECT PRODUCT, TOTAL FROM SALES_M WHERE REGION = 'eu';")), "half a key is a scan");
  }

  @Test
  void windowedTablesAreReadByKeyAndWindowBounds() {
    String topic = SharedKafka.uniqueTopic("events");
    server.ok("CREATE STREAM EVENTS_W (USERID BIGINT KEY, AMOUNT INT) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=2);");
    server.ok("CREATE TABLE TOTALS_W AS SELECT USERID, COUNT(*) AS CNT, SUM(AMOUNT) AS TOTAL FROM EVENTS_W "
        + "WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY USERID;");
    long[][] events = {{1, 0}, {1, 1_000}, {2, 2_000}, {1, 12_000}, {1, 25_000}};
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (long[] event : events) {
      records.add(Records.record(topic, Records.bigintKey(event[0]), "{\"AMOUNT\":" + (event[1] / 1000) + "}",
          EPOCH + event[1]));
    }
    Records.shared().produce(topic, records);
    String all = "SELECT * FROM TOTALS_W WHERE USERID = 1;";
    awaitRows("SELECT * FROM TOTALS_W WHERE USERID = 2;", List.of(List.of(2L, EPOCH, EPOCH + 10_000, 1L, 2)));
    awaitRows(all, List.of(
        List.of(1L, EPOCH, EPOCH + 10_000, 2L, 1),
        List.of(1L, EPOCH + 10_000, EPOCH + 20_000, 1L, 12),
        List.of(1L, EPOCH + 20_000, EPOCH + 30_000, 1L, 25)));

    assertEquals(List.of(List.of(EPOCH + 10_000, 1L), List.of(EPOCH + 20_000, 1L)),
        rows("SELECT WINDOWSTART, CNT FROM TOTALS_W WHERE USERID = 1 AND WINDOWSTART >= " + (EPOCH + 10_000) + ";"));
    assertEquals(List.of(List.of(EPOCH + 10_000, 1L)),
        rows("SELECT WINDOWSTART, CNT FROM TOTALS_W WHERE USERID = 1 AND WINDOWSTART BETWEEN " + (EPOCH + 5_000)
            + " AND " + (EPOCH + 15_000) + ";"));
    assertEquals(List.of(List.of(EPOCH, 2L)),
        rows("SELECT WINDOWSTART, CNT FROM TOTALS_W WHERE USERID = 1 AND WINDOWEND <= " + (EPOCH + 10_000) + ";"));
    assertEquals(List.of(List.of(EPOCH + 20_000)),
        rows("SELECT WINDOWSTART FROM TOTALS_W WHERE USERID = 1 AND WINDOWSTART > " + (EPOCH + 10_000) + ";"));
    assertEquals(List.of(List.of(2L, EPOCH, 1L)),
        rows("SELECT USERID, WINDOWSTART, CNT FROM TOTALS_W WHERE USERID IN (2, 3) AND WINDOWSTART = " + EPOCH + ";"));

    try (QueryResults results = runner.run(all, Map.of())) {
      assertEquals(List.of(ColumnKind.KEY, ColumnKind.KEY, ColumnKind.KEY, ColumnKind.VALUE, ColumnKind.VALUE),
          results.schema().columns().stream().map(Column::kind).toList(), results.schema().toString());
    }
    SelectRefusedException refused = assertThrows(SelectRefusedException.class,
        () -> runner.run("SELECT * FROM TOTALS_W WHERE CNT > 1;", Map.of()));
    assertEquals("pull queries on windowed tables need the key", refused.getMessage());
  }

  @Test
  void sessionWindowedTablesAreReadByKey() {
    String topic = SharedKafka.uniqueTopic("sessions");
    server.ok("CREATE STREAM VISITS_S (USERID BIGINT KEY, PAGE STRING) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=2);");
    server.ok("CREATE TABLE SESSIONS_S AS SELECT USERID, COUNT(*) AS N FROM VISITS_S "
        + "WINDOW SESSION (30 SECONDS) GROUP BY USERID;");
    Records.shared().produce(topic, List.of(
        Records.record(topic, Records.bigintKey(1), "{\"PAGE\":\"a\"}", EPOCH),
        Records.record(topic, Records.bigintKey(1), "{\"PAGE\":\"b\"}", EPOCH + 10_000),
        Records.record(topic, Records.bigintKey(2), "{\"PAGE\":\"c\"}", EPOCH + 20_000),
        Records.record(topic, Records.bigintKey(1), "{\"PAGE\":\"d\"}", EPOCH + 100_000)));
    awaitRows("SELECT * FROM SESSIONS_S WHERE USERID = 1;", List.of(
        List.of(1L, EPOCH, EPOCH + 10_000, 2L),
        List.of(1L, EPOCH + 100_000, EPOCH + 100_000, 1L)));
    assertEquals(List.of(List.of(1L)),
        rows("SELECT N FROM SESSIONS_S WHERE USERID = 1 AND WINDOWSTART > " + EPOCH + ";"));
  }

  @Test
  void jsonKeysAsProducedAreFoundByTheirValues() {
    String topic = SharedKafka.uniqueTopic("jsonkeys");
    server.ok("CREATE STREAM TAGS_J (TAG STRING KEY, V INT) WITH (KAFKA_TOPIC='" + topic
        + "', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=2);");
    server.ok("CREATE TABLE TAG_COUNTS_J WITH (KEY_FORMAT='JSON') AS SELECT TAG, COUNT(*) AS N FROM TAGS_J GROUP BY TAG;");
    Records.shared().produce(topic, List.of(
        Records.record(topic, "\"a\"".getBytes(java.nio.charset.StandardCharsets.UTF_8), "{\"V\":1}", EPOCH),
        Records.record(topic, " \"b\" ".getBytes(java.nio.charset.StandardCharsets.UTF_8), "{\"V\":2}", EPOCH),
        Records.record(topic, " \"b\" ".getBytes(java.nio.charset.StandardCharsets.UTF_8), "{\"V\":3}", EPOCH)));
    awaitRows("SELECT * FROM TAG_COUNTS_J WHERE TAG = 'b';", List.of(List.of("b", 2L)));
    awaitRows("SELECT * FROM TAG_COUNTS_J WHERE TAG = 'a';", List.of(List.of("a", 1L)));
    assertEquals(List.of(List.of("a", 1L)), rows("SELECT * FROM TAG_COUNTS_J WHERE TAG IN ('a', 'z');"));
  }

  @Test
  void havingLeavesGroupsOutOfTheTable() {
    String topic = SharedKafka.uniqueTopic("clicks");
    server.ok("CREATE STREAM CLICKS_H (USERID BIGINT KEY, PAGE STRING) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=2);");
    String queryId = server.ok("CREATE TABLE BUSY_H AS SELECT USERID, COUNT(*) AS N FROM CLICKS_H GROUP BY USERID "
        + "HAVING COUNT(*) > 1;").get(0).path("commandStatus").path("queryId").asText();
    produceClicks(topic, 5, 1);
    produceClicks(topic, 6, 2);
    // Grouped by the source key: no repartition, so the committed input is in the store.
    Records.shared().awaitCommitted(server.serviceId() + "_query_" + queryId, topic, WAIT);
    assertEquals(List.of(List.of(6L, 2L)), rows("SELECT * FROM BUSY_H WHERE USERID = 6;"));
    assertEquals(List.of(), rows("SELECT * FROM BUSY_H WHERE USERID = 5;"));
    assertEquals(List.of(List.of(6L, 2L)), rows("SELECT * FROM BUSY_H;"));
  }

  @Test
  void unsupportedPullQueriesAreRefusedWithReasons() {
    String topic = clicks("CLICKS_E", "COUNTS_E");
    assertRefused("SELECT USERID, COUNT(*) FROM CLICKS_E GROUP BY USERID;", "GROUP BY is not supported in pull queries");
    assertRefused("SELECT * FROM COUNTS_E WHERE USERID = 1 EMIT CHANGES;", "Not a pull query");
    assertRefused("SELECT ROWTIME FROM COUNTS_E WHERE USERID = 1;", "ROWTIME is not available in pull queries on tables");
    assertRefused("SELECT * FROM COUNTS_E C JOIN CLICKS_E K ON C.USERID = K.USERID;", "Pull queries read one stream");
    assertRefused("SELECT * FROM NOPE WHERE K = 1;", "Unknown stream or table 'NOPE'");
  }

  @Test
  void sourceTablesAreMaterializedOnDemandAndAnswerUpToTheirTopicsEnd() {
    String topic = SharedKafka.uniqueTopic("users");
    server.ok("CREATE TABLE USERS_S (ID BIGINT PRIMARY KEY, NAME STRING, AGE INT) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=2);");
    Records.shared().produce(topic, List.of(
        Records.record(topic, Records.bigintKey(1), "{\"NAME\":\"ann\",\"AGE\":30}", EPOCH),
        Records.record(topic, Records.bigintKey(2), "{\"NAME\":\"bob\",\"AGE\":40}", EPOCH),
        Records.record(topic, Records.bigintKey(3), "{\"NAME\":\"cy\",\"AGE\":50}", EPOCH)));
    assertEquals(List.of(List.of(2L, "bob", 40)), rows("SELECT * FROM USERS_S WHERE ID = 2;"),
        "the first pull query waits until the materialization has read the topic");

    Records.shared().produce(topic, List.of(
        Records.record(topic, Records.bigintKey(2), "{\"NAME\":\"bob\",\"AGE\":41}", EPOCH + 1),
        Records.record(topic, Records.bigintKey(3), null, EPOCH + 1),
        Records.record(topic, Records.bigintKey(4), "{\"NAME\":\"dee\",\"AGE\":20}", EPOCH + 1)));
    assertEquals(List.of(List.of(1L, "ann", 30), List.of(2L, "bob", 41), List.of(4L, "dee", 20)),
        sorted(rows("SELECT * FROM USERS_S;")), "updates and tombstones produced before the query are seen");
    assertEquals(List.of(), rows("SELECT * FROM USERS_S WHERE ID = 3;"), "a tombstone deletes");
    assertEquals(List.of(List.of("BOB", 42)), rows("SELECT UCASE(NAME), AGE + 1 FROM USERS_S WHERE ID IN (2, 3);"));
    assertEquals(List.of(List.of(1L)), rows("SELECT ID FROM USERS_S WHERE AGE BETWEEN 25 AND 35;"));
  }

  @Test
  void aSourceTableCreatedAgainIsReadFromItsNewTopic() {
    String first = SharedKafka.uniqueTopic("prices");
    String second = SharedKafka.uniqueTopic("prices");
    server.ok("CREATE TABLE PRICES_D (ID BIGINT PRIMARY KEY, P INT) WITH (KAFKA_TOPIC='" + first
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    Records.shared().produce(first, List.of(Records.record(first, Records.bigintKey(1), "{\"P\":10}", EPOCH)));
    assertEquals(List.of(List.of(1L, 10)), rows("SELECT * FROM PRICES_D;"));

    server.ok("DROP TABLE PRICES_D;");
    server.ok("CREATE TABLE PRICES_D (ID BIGINT PRIMARY KEY, P INT) WITH (KAFKA_TOPIC='" + second
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    Records.shared().produce(second, List.of(Records.record(second, Records.bigintKey(2), "{\"P\":20}", EPOCH)));
    assertEquals(List.of(List.of(2L, 20)), rows("SELECT * FROM PRICES_D;"));
  }

  @Test
  void streamsAreScannedUpToTheirEndAtTheQuerysStart() {
    String topic = SharedKafka.uniqueTopic("views");
    server.ok("CREATE STREAM VIEWS_P (USERID BIGINT KEY, PAGE STRING, MS INT) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=2);");
    assertEquals(List.of(), rows("SELECT * FROM VIEWS_P;"), "an empty topic has no rows");
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      records.add(Records.record(topic, Records.bigintKey(i % 3), "{\"PAGE\":\"p" + (i % 4) + "\",\"MS\":" + i + "}",
          EPOCH + i));
    }
    records.add(Records.record(topic, Records.bigintKey(1), "not json", EPOCH + 10));
    Records.shared().produce(topic, records);

    assertEquals(10, rows("SELECT * FROM VIEWS_P;").size(), "every readable record, the bad one left out");
    assertEquals(sorted(List.of(List.of(1L, "p1", 1), List.of(1L, "p0", 4), List.of(1L, "p3", 7))),
        sorted(rows("SELECT * FROM VIEWS_P WHERE USERID = 1;")));
    assertEquals(sorted(List.of(List.of("P2", EPOCH + 2, 3), List.of("P2", EPOCH + 6, 7))),
        sorted(rows("SELECT UCASE(PAGE), ROWTIME, MS + 1 FROM VIEWS_P WHERE PAGE = 'p2';")));
    assertEquals(3, rows("SELECT * FROM VIEWS_P WHERE MS >= 2 LIMIT 3;").size());
    List<List<Object>> positions = rows("SELECT ROWPARTITION, ROWOFFSET FROM VIEWS_P WHERE MS = 0;");
    assertEquals(1, positions.size());
    assertEquals(0L, positions.get(0).get(1), "the first record of its partition");
  }

  private static void assertRefused(String sql, String messageStart) {
    SelectRefusedException refused = assertThrows(SelectRefusedException.class, () -> runner.run(sql, Map.of()), sql);
    assertTrue(refused.getMessage().startsWith(messageStart), sql + ": " + refused.getMessage());
    assertEquals(40001, refused.error().errorCode());
  }

  /** Creates stream {@code stream} over a new topic and table {@code table} counting its rows per USERID. */
  private static String clicks(String stream, String table) {
    String topic = SharedKafka.uniqueTopic("clicks");
    server.ok("CREATE STREAM " + stream + " (USERID BIGINT KEY, PAGE STRING) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=3);");
    server.ok("CREATE TABLE " + table + " AS SELECT USERID, COUNT(*) AS N FROM " + stream + " GROUP BY USERID;");
    return topic;
  }

  private static void produceClicks(String topic, long user, int count) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(Records.record(topic, Records.bigintKey(user), "{\"PAGE\":\"p" + i + "\"}", EPOCH + i));
    }
    Records.shared().produce(topic, records);
  }

  private static void awaitRows(String sql, List<List<Object>> expected) {
    awaitRows(sql, expected, Map.of());
  }

  /** Polls the pull query until it gives {@code expected}: the table's query has then processed the input. */
  private static void awaitRows(String sql, List<List<Object>> expected, Map<String, String> properties) {
    List<List<Object>> last = new ArrayList<>();
    Poll.until(WAIT, () -> {
      try {
        last.clear();
        last.addAll(rows(sql, properties));
        return last.equals(expected);
      } catch (SelectRefusedException e) {
        if (!e.getMessage().contains("cannot answer pull queries now")) {
          throw e;
        }
        return false;
      }
    }, sql + " to give " + expected + " (last " + last + ")");
  }

  private static List<List<Object>> rows(String sql) {
    return rows(sql, Map.of());
  }

  private static List<List<Object>> rows(String sql, Map<String, String> properties) {
    List<List<Object>> out = new ArrayList<>();
    try (QueryResults results = runner.run(sql, properties)) {
      while (!results.ended()) {
        Object[] row = results.poll(Duration.ZERO);
        if (row != null) {
          out.add(Arrays.asList(row));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return out;
  }

  /** Rows in order of their first differing column, numbers by value, anything else by its text. */
  private static int compareRows(List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int order = a.get(i) instanceof Long x && b.get(i) instanceof Long y ? Long.compare(x, y)
          : Objects.toString(a.get(i)).compareTo(Objects.toString(b.get(i)));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(PullQueryEndToEndTest::compareRows);
    return copy;
  }
}

package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.testing.SharedKafka;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A window join (Nexmark's q8: the people who put an item up for auction in the window they
 * appeared in) outlives a restart that lost the local state: both sides' panes, the last window
 * joined and each side's stream time come back from the store's changelog, so a window open across
 * the restart joins a person from before it with an auction after it, rows of a window joined
 * before are late, not joined again, and so is a row its side's stream time had made late.
 */
class WindowJoinRestartTest {

  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void aWindowJoinOutlivesARestartWithoutLocalState() {
    String input = SharedKafka.uniqueTopic("events");
    String output = input + "-sellers";
    LocalStateLoss restart = new LocalStateLoss("window-join-restart");
    restart.run(first -> {
      first.ksql("CREATE STREAM EVENTS (K BIGINT KEY, EVENT_TYPE INT, NAME STRING, SELLER BIGINT) WITH (KAFKA_TOPIC='"
          + input + "', PARTITIONS=1, VALUE_FORMAT='JSON', GRACE_PERIOD='0 SECONDS');");
      first.ksql("CREATE VIEW PERSON AS SELECT K AS ID, NAME FROM EVENTS WHERE EVENT_TYPE = 0;");
      first.ksql("CREATE VIEW AUCTION AS SELECT K AS ID, SELLER FROM EVENTS WHERE EVENT_TYPE = 1;");
      String queryId = first.ksql("CREATE STREAM SELLERS WITH (KAFKA_TOPIC='" + output + "') AS "
          + "SELECT P.ID, P.NAME, P.STARTTIME FROM (SELECT ID, NAME, WINDOW_START AS STARTTIME, WINDOW_END AS ENDTIME "
          + "FROM TABLE(TUMBLE(TABLE PERSON, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND)) "
          + "GROUP BY ID, NAME, WINDOW_START, WINDOW_END) P JOIN (SELECT SELLER, WINDOW_START AS STARTTIME, "
          + "WINDOW_END AS ENDTIME FROM TABLE(TUMBLE(TABLE AUCTION, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND)) "
          + "GROUP BY SELLER, WINDOW_START, WINDOW_END) A "
          + "ON P.ID = A.SELLER AND P.STARTTIME = A.STARTTIME AND P.ENDTIME = A.ENDTIME;")
          .get(0).path("commandStatus").path("queryId").asText();
      String explained = first.ksql("EXPLAIN " + queryId + ";").toString();
      assertTrue(explained.contains("inner window join"), explained);
      // The people reach 25 s; the auctions' 12 s closes [0, 10), where ann sold. bo appears in [10, 20).
      Records.shared().produce(input, List.of(person(input, 1000, 1, "ann"), auction(input, 2000, 100, 1),
          person(input, 12000, 2, "bo"), person(input, 25000, 3, "cy"), auction(input, 12000, 101, 9)));
      Records.shared().awaitAtLeast(output, 1, WAIT);
      Records.shared().awaitCommitted(restart.groupOf(queryId), input, WAIT);
      return queryId;
    }, second -> {
      // ann and her auction again in [0, 10), joined before the restart: late. A person at 14 s: late
      // for the people, at 25 s before the restart. bo sells in [10, 20).
      Records.shared().produce(input, List.of(person(input, 5000, 1, "ann"), auction(input, 6000, 102, 1),
          person(input, 14000, 2, "bo2"), auction(input, 15000, 103, 2), person(input, 40000, 4, "dee"),
          auction(input, 40000, 104, 7)));
      Records.shared().awaitAtLeast(output, 2, WAIT);
      Records.shared().awaitCommitted(restart.group(), input, WAIT);
      List<String> written = Records.shared().lines(output, 0, key -> "").stream()
          .map(line -> line.substring(line.indexOf('|') + 2)).sorted().toList();
      assertEquals(List.of(
          "{\"ID\":1,\"NAME\":\"ann\",\"STARTTIME\":0}",
          "{\"ID\":2,\"NAME\":\"bo\",\"STARTTIME\":10000}"), written);
    });
  }

  private static ProducerRecord<byte[], byte[]> person(String topic, long millis, long id, String name) {
    return Records.record(topic, Records.bigintKey(id), "{\"EVENT_TYPE\":0,\"NAME\":\"" + name + "\"}", millis);
  }

  private static ProducerRecord<byte[], byte[]> auction(String topic, long millis, long id, long seller) {
    return Records.record(topic, Records.bigintKey(id), "{\"EVENT_TYPE\":1,\"SELLER\":" + seller + "}", millis);
  }
}

package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.testing.SharedKafka;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A window max join (Nexmark's q7: the bids at the highest price of the window ending within 10 s
 * after them) outlives a restart that lost the local state: a window open across the restart keeps
 * its greatest price and its candidate bids from the store's changelog, so a bid from before the
 * restart is written when the window closes after it, and a bid of a window closed before the
 * restart is late: it neither joins nor raises that window's maximum.
 */
class WindowMaxJoinRestartTest {

  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void aWindowMaxJoinOutlivesARestartWithoutLocalState() {
    String input = SharedKafka.uniqueTopic("bids");
    String output = input + "-highest";
    LocalStateLoss restart = new LocalStateLoss("window-max-join-restart");
    restart.run(first -> {
      first.ksql("CREATE STREAM NEXMARK (K BIGINT KEY, EVENT_TYPE INT, PRICE BIGINT, `dateTime` TIMESTAMP) WITH "
          + "(KAFKA_TOPIC='" + input + "', PARTITIONS=1, VALUE_FORMAT='JSON', GRACE_PERIOD='0 SECONDS');");
      first.ksql("CREATE VIEW BID AS SELECT K AS AUCTION, PRICE, `dateTime` FROM NEXMARK WHERE EVENT_TYPE = 2;");
      String queryId = first.ksql("CREATE STREAM Q7 WITH (KAFKA_TOPIC='" + output + "') AS "
          + "SELECT B.AUCTION, B.PRICE, B.`dateTime` FROM BID B JOIN (SELECT MAX(PRICE) AS MAXPRICE, "
          + "WINDOW_END AS `dateTime` FROM TABLE(TUMBLE(TABLE BID, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND)) "
          + "GROUP BY WINDOW_START, WINDOW_END) B1 ON B.PRICE = B1.MAXPRICE "
          + "WHERE B.`dateTime` BETWEEN B1.`dateTime` - INTERVAL '10' SECOND AND B1.`dateTime`;")
          .get(0).path("commandStatus").path("queryId").asText();
      String explained = first.ksql("EXPLAIN " + queryId + ";").toString();
      assertTrue(explained.contains("rows whose PRICE is the greatest of a window"), explained);
      // 9 is [0, 10)'s highest; 12 s closes it and opens [10, 20) at 4.
      Records.shared().produce(input, List.of(bid(input, 1000, 100, 5), bid(input, 3000, 101, 9),
          bid(input, 12000, 102, 4)));
      Records.shared().awaitAtLeast(output, 1, WAIT);
      Records.shared().awaitCommitted(restart.groupOf(queryId), input, WAIT);
      return queryId;
    }, second -> {
      // Lower than 102 in [10, 20); late for [0, 10), however high; then 30 s closes [10, 20).
      Records.shared().produce(input, List.of(bid(input, 15000, 103, 3), bid(input, 5000, 104, 20),
          bid(input, 30000, 105, 1)));
      Records.shared().awaitAtLeast(output, 2, WAIT);
      Records.shared().awaitCommitted(restart.group(), input, WAIT);
      List<String> written = Records.shared().lines(output, 0, key -> "").stream()
          .map(line -> line.substring(line.indexOf('|') + 2)).sorted().toList();
      assertEquals(List.of(
          "{\"AUCTION\":101,\"dateTime\":3000}",
          "{\"AUCTION\":102,\"dateTime\":12000}"), written);
    });
  }

  private static ProducerRecord<byte[], byte[]> bid(String topic, long millis, long auction, long price) {
    return Records.record(topic, Records.bigintKey(auction), "{\"EVENT_TYPE\":2,\"PRICE\":" + price
        + ",\"dateTime\":" + millis + "}", millis);
  }
}

package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.testing.SharedKafka;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A hopping-window count kept in panes (Nexmark's q5: the auctions with the most bids of each
 * window) outlives a restart that lost the local state: its panes and the last window it wrote
 * come back from the store's changelog, so a window open across the restart counts the bids from
 * before it, and no window is written twice.
 */
class PanedWindowRestartTest {

  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void windowsInPanesOutliveARestartWithoutLocalState() {
    String input = SharedKafka.uniqueTopic("bid");
    String output = input + "-hot";
    LocalStateLoss restart = new LocalStateLoss("paned-restart");
    restart.run(first -> {
      first.ksql("CREATE STREAM BID (AUCTION BIGINT KEY, PRICE INT) WITH (KAFKA_TOPIC='" + input
          + "', PARTITIONS=1, VALUE_FORMAT='JSON', GRACE_PERIOD='0 SECONDS');");
      String queryId = first.ksql("CREATE STREAM HOT WITH (KAFKA_TOPIC='" + output + "') AS "
          + "SELECT AuctionBids.auction, AuctionBids.num, AuctionBids.starttime FROM ("
          + hopCount("auction, ") + ") AS AuctionBids JOIN ("
          + "SELECT max(CountBids.num) AS maxn, CountBids.starttime, CountBids.endtime FROM (" + hopCount("")
          + ") AS CountBids GROUP BY CountBids.starttime, CountBids.endtime) AS MaxBids "
          + "ON AuctionBids.starttime = MaxBids.starttime AND AuctionBids.endtime = MaxBids.endtime "
          + "AND AuctionBids.num >= MaxBids.maxn;")
          .get(0).path("commandStatus").path("queryId").asText();
      String explained = first.ksql("EXPLAIN " + queryId + ";").toString();
      assertTrue(explained.contains("in panes of 2 SECONDS (one update per row)"), explained);
      // Windows of 4 s every 2 s: [0, 4) closes at 4.5 s, [2, 6) at 6.5 s, which tells the
      // per-window maximum that [0, 4) is complete.
      Records.shared().produce(input, List.of(bid(input, 500, 1), bid(input, 1500, 2), bid(input, 2500, 2),
          bid(input, 4500, 9), bid(input, 6500, 9)));
      Records.shared().awaitAtLeast(output, 1, WAIT);
      Records.shared().awaitCommitted(restart.groupOf(queryId), input, WAIT);
      return queryId;
    }, second -> {
      // [4, 8) and [6, 10) hold bids from both sides of the restart.
      Records.shared().produce(input, List.of(bid(input, 7000, 9), bid(input, 9000, 9), bid(input, 12000, 1),
          bid(input, 16000, 1)));
      Records.shared().awaitAtLeast(output, 7, WAIT);
      Records.shared().awaitCommitted(restart.group(), input, WAIT);
      List<String> written = Records.shared().lines(output, 0, key -> "").stream()
          .map(line -> line.substring(line.indexOf('|') + 2)).sorted().toList();
      assertEquals(List.of(
          "{\"AUCTION\":1,\"NUM\":1,\"STARTTIME\":10000}",
          "{\"AUCTION\":2,\"NUM\":1,\"STARTTIME\":2000}",
          "{\"AUCTION\":2,\"NUM\":2,\"STARTTIME\":0}",
          "{\"AUCTION\":9,\"NUM\":1,\"STARTTIME\":2000}",
          "{\"AUCTION\":9,\"NUM\":1,\"STARTTIME\":8000}",
          "{\"AUCTION\":9,\"NUM\":3,\"STARTTIME\":4000}",
          "{\"AUCTION\":9,\"NUM\":3,\"STARTTIME\":6000}"), written);
    });
  }

  /** Bids per (selected) auction and hopping window of 4 s every 2 s. */
  private static String hopCount(String auction) {
    return "SELECT " + auction + "count(*) AS num, window_start AS starttime, window_end AS endtime "
        + "FROM TABLE(HOP(TABLE bid, DESCRIPTOR(ROWTIME), INTERVAL '2' SECOND, INTERVAL '4' SECOND)) "
        + "GROUP BY auction, window_start, window_end";
  }

  private static ProducerRecord<byte[], byte[]> bid(String topic, long millis, long auction) {
    return Records.record(topic, Records.bigintKey(auction), "{\"PRICE\":1}", millis);
  }
}

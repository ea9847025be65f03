package io.sluice.bench.nexmark.twin;

import static io.sluice.bench.nexmark.twin.TwinDriver.T0;
import static io.sluice.bench.nexmark.twin.TwinDriver.auction;
import static io.sluice.bench.nexmark.twin.TwinDriver.bid;
import static io.sluice.bench.nexmark.twin.TwinDriver.person;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.bench.nexmark.NexmarkEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hand-written twin computes its query on a few hand-made events, written as Sluice writes
 * the query's output. Window-close queries see a last event a day and a minute later, far past the
 * 30 s grace of the SQL forms (the nexmark stream's GRACE_PERIOD), so their windows close.
 */
class TwinsTest {

  private static final long HOUR = 3_600_000L;
  private static final long LATER = T0 + 24 * HOUR + 60_000;
  private static final String URL = "https://www.nexmark.com/abc/def/ghi/item.htm?query=1";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("q0 passes every bid through", "q0",
            List.of(person(1, "Ann", "OR", T0), bid(1000, 7, 150, T0 + 1, "Apple", URL, "x")),
            List.of("1000 | {\"BIDDER\":7,\"PRICE\":150,\"dateTime\":" + (T0 + 1) + ",\"EXTRA\":\"x\"}")),
        Arguments.of("q1 converts the price to a three-decimal euro amount", "q1",
            List.of(bid(1000, 7, 1000, T0, "Apple", URL, "")),
            List.of("1000 | {\"BIDDER\":7,\"PRICE\":908.000,\"dateTime\":" + T0 + ",\"EXTRA\":\"\"}")),
        Arguments.of("q2 keeps bids on auctions that are multiples of 123", "q2",
            List.of(bid(1230, 7, 5, T0), bid(1231, 7, 6, T0)),
            List.of("1230 | {\"PRICE\":5}")),
        Arguments.of("q14 keeps euro prices between the bounds, with time of day and c count", "q14",
            List.of(bid(1000, 7, 2_000_000, T0 + 10 * HOUR, "Apple", URL, "ccac"),
                bid(1000, 7, 2_000_000, T0 + 19 * HOUR, "Apple", URL, ""), bid(1000, 7, 1000, T0, "Apple", URL, "")),
            List.of("1000 | {\"BIDDER\":7,\"PRICE\":1816000.000,\"BIDTIMETYPE\":\"dayTime\",\"dateTime\":"
                    + (T0 + 10 * HOUR) + ",\"EXTRA\":\"ccac\",\"C_COUNTS\":3}",
                "1000 | {\"BIDDER\":7,\"PRICE\":1816000.000,\"BIDTIMETYPE\":\"otherTime\",\"dateTime\":"
                    + (T0 + 19 * HOUR) + ",\"EXTRA\":\"\",\"C_COUNTS\":0}")),
        Arguments.of("q21 names the four channels and reads channel_id from other URLs", "q21",
            List.of(bid(1000, 7, 5, T0, "Apple", URL, ""), bid(1000, 7, 5, T0, "channel-5", URL + "&channel_id=5", ""),
                bid(1000, 7, 5, T0, "channel-6", URL, "")),
            List.of("1000 | {\"BIDDER\":7,\"PRICE\":5,\"CHANNEL\":\"Apple\",\"CHANNEL_ID\":\"0\"}",
                "1000 | {\"BIDDER\":7,\"PRICE\":5,\"CHANNEL\":\"channel-5\",\"CHANNEL_ID\":\"5\"}")),
        Arguments.of("q22 splits the URL's directories", "q22",
            List.of(bid(1000, 7, 5, T0, "Apple", URL, ""), bid(1000, 7, 5, T0, "Apple", "https://short", "")),
            List.of("1000 | {\"BIDDER\":7,\"PRICE\":5,\"CHANNEL\":\"Apple\",\"DIR1\":\"abc\","
                    + "\"DIR2\":\"def\",\"DIR3\":\"ghi\"}",
                "1000 | {\"BIDDER\":7,\"PRICE\":5,\"CHANNEL\":\"Apple\",\"DIR1\":null,\"DIR2\":null,"
                    + "\"DIR3\":null}")),
        Arguments.of("q12 counts each bidder's bids per 10 s window, every update", "q12",
            List.of(bid(1000, 7, 5, T0 + 1000), bid(1001, 7, 5, T0 + 9999), bid(1000, 7, 5, T0 + 10_000)),
            List.of(window(7, T0, 1), window(7, T0, 2), window(7, T0 + 10_000, 1))),
        Arguments.of("q17 keeps per-auction daily statistics, every update", "q17",
            List.of(bid(1000, 7, 5_000, T0), bid(1000, 8, 2_000_000, T0 + HOUR)),
            List.of(stats(1, 1, 0, 0, 5_000, 5_000, 5000.0, 5_000), stats(2, 1, 0, 1, 5_000, 2_000_000, 1002500.0,
                2_005_000))),
        Arguments.of("q20 joins category-10 auctions with their bids in either order", "q20",
            List.of(auction(1000, 1, 10, T0), bid(1000, 7, 5, T0 + 1), bid(1001, 8, 6, T0 + 2),
                auction(1001, 1, 10, T0 + 3), auction(1002, 1, 11, T0 + 4), bid(1002, 9, 7, T0 + 5)),
            List.of("1000 | " + joined(7, 5, T0 + 1, 1000, T0), "1001 | " + joined(8, 6, T0 + 2, 1001, T0 + 3))),
        Arguments.of("q3 joins local sellers with their category-10 auctions in either order", "q3",
            List.of(person(1, "Ann", "OR", T0), auction(1000, 1, 10, T0 + 1), auction(1001, 2, 10, T0 + 2),
                person(2, "Bob", "CA", T0 + 3), person(3, "Cy", "WA", T0 + 4), auction(1002, 3, 10, T0 + 5),
                auction(1003, 1, 11, T0 + 6)),
            List.of("- | {\"NAME\":\"Ann\",\"CITY\":\"Boise\",\"STATE\":\"OR\",\"ID\":1000}",
                "- | {\"NAME\":\"Bob\",\"CITY\":\"Boise\",\"STATE\":\"CA\",\"ID\":1001}")),
        Arguments.of("q8 finds people who joined and sold in the same window, once it closes", "q8",
            List.of(person(1, "Ann", "OR", T0 + 1000), auction(1000, 1, 10, T0 + 2000), auction(1001, 1, 10, T0 + 3000),
                person(2, "Bob", "OR", T0 + 4000), auction(1002, 2, 10, T0 + 12_000), person(3, "Cy", "OR", LATER),
                auction(1003, 3, 10, LATER)),
            List.of("- | {\"ID\":1,\"NAME\":\"Ann\",\"STARTTIME\":" + T0 + "}")),
        Arguments.of("q8 closes each side's windows on that side's own stream time, as the SQL's two aggregations do",
            "q8",
            List.of(person(1, "Ann", "OR", T0 + 1000), person(4, "Dee", "OR", T0 + 30_000),
                auction(1000, 1, 10, T0 + 2000), person(3, "Cy", "OR", LATER), auction(1003, 3, 10, LATER)),
            List.of("- | {\"ID\":1,\"NAME\":\"Ann\",\"STARTTIME\":" + T0 + "}")),
        Arguments.of("q5 writes the auctions with the most bids of each hopping window, once it closes", "q5",
            List.of(bid(1000, 7, 5, T0 + 1000), bid(1000, 8, 5, T0 + 1500), bid(1001, 9, 5, T0 + 1800),
                bid(1002, 9, 5, LATER), bid(1003, 9, 5, LATER + 24 * HOUR)),
            // 1002's windows stay open: no window ending 30 s after them is ever counted.
            List.of(hot(1000, 2), hot(1000, 2), hot(1000, 2), hot(1000, 2), hot(1000, 2))),
        Arguments.of("q5 closes a window once a window ending more than 30 s after it has been counted, as the "
                + "SQL's re-aggregation does", "q5",
            // The last window counted ends at T0 + 38 s: the three windows ending by T0 + 6 s close.
            List.of(bid(1000, 7, 5, T0 + 1000), bid(1000, 8, 5, T0 + 1500), bid(1001, 9, 5, T0 + 1800),
                bid(1004, 9, 5, T0 + 28_000), bid(1002, 9, 5, LATER)),
            List.of(hot(1000, 2), hot(1000, 2), hot(1000, 2))),
        Arguments.of("q5 sums each hopping window's panes, so a window sees bids of all five", "q5",
            List.of(bid(1000, 7, 5, T0 + 1000), bid(1001, 8, 5, T0 + 9000), bid(1001, 9, 5, T0 + 9500),
                bid(1002, 9, 5, LATER), bid(1003, 9, 5, LATER + 24 * HOUR)),
            List.of(hot(1000, 1), hot(1000, 1), hot(1000, 1), hot(1000, 1), hot(1001, 2), hot(1001, 2), hot(1001, 2),
                hot(1001, 2), hot(1001, 2))),
        Arguments.of("q7 writes the bids at the highest price of the window ending within 10 s after them", "q7",
            List.of(bid(1000, 1, 5, T0 + 1000), bid(1000, 2, 9, T0 + 2000), bid(1001, 3, 9, T0 + 3000),
                bid(1001, 4, 9, T0 + 10_000), bid(1002, 5, 1, LATER)),
            List.of(highest(1000, 2, T0 + 2000), highest(1001, 3, T0 + 3000), highest(1001, 4, T0 + 10_000),
                highest(1001, 4, T0 + 10_000))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void twinWritesWhatTheQueryAsks(String behaviour, String query, List<NexmarkEvent> events, List<String> expected) {
    try (TwinDriver driver = new TwinDriver(Twins.named(query))) {
      assertEquals(expected, driver.pipe(events.toArray(NexmarkEvent[]::new)).output());
    }
  }

  private static String window(long bidder, long start, long count) {
    return bidder + "@" + start + " | {\"BID_COUNT\":" + count + ",\"WINDOW_START\":" + start + ",\"WINDOW_END\":"
        + (start + 10_000) + "}";
  }

  private static String stats(long total, long rank1, long rank2, long rank3, long min, long max, double avg,
      long sum) {
    return "{\"AUCTION\":1000,\"day\":\"2015-07-15\"} | {\"TOTAL_BIDS\":" + total + ",\"RANK1_BIDS\":" + rank1
        + ",\"RANK2_BIDS\":" + rank2 + ",\"RANK3_BIDS\":" + rank3 + ",\"MIN_PRICE\":" + min + ",\"MAX_PRICE\":" + max
        + ",\"AVG_PRICE\":" + avg + ",\"SUM_PRICE\":" + sum + "}";
  }

  private static String joined(long bidder, long price, long bidTime, long auction, long auctionTime) {
    return "{\"BIDDER\":" + bidder + ",\"PRICE\":" + price + ",\"CHANNEL\":\"Google\",\"URL\":\"" + URL
        + "\",\"B_dateTime\":" + bidTime + ",\"B_EXTRA\":\"\",\"ITEMNAME\":\"item" + auction
        + "\",\"DESCRIPTION\":\"desc\",\"INITIALBID\":100,\"RESERVE\":200,\"A_dateTime\":" + auctionTime
        + ",\"EXPIRES\":" + (auctionTime + 100) + ",\"SELLER\":1,\"CATEGORY\":10,\"A_EXTRA\":\"\"}";
  }

  private static String hot(long auction, long count) {
    return "- | {\"AUCTION\":" + auction + ",\"NUM\":" + count + "}";
  }

  private static String highest(long auction, long bidder, long time) {
    return "9 | {\"AUCTION\":" + auction + ",\"BIDDER\":" + bidder + ",\"dateTime\":" + time + ",\"EXTRA\":\"\"}";
  }
}

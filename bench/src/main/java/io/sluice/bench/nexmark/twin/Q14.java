package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import java.math.BigDecimal;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/**
 * q14 by hand: the bids whose euro price is strictly between 1,000,000 and 50,000,000, with that
 * price, the time-of-day class of their hour (UTC) and the number of 'c's in their extra field.
 */
public final class Q14 extends Twin {

  private static final BigDecimal LOW = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal HIGH = BigDecimal.valueOf(50_000_000);
  private static final long MILLIS_PER_HOUR = 3_600_000L;

  @Override
  public String name() {
    return "q14";
  }

  @Override
  protected int[] eventTypes() {
    return new int[] {2};
  }

  @Override
  protected void build(StreamsBuilder builder, KStream<byte[], NexmarkEvent> events, String outputTopic,
      int partitions) {
    writeKeyedByAuction(events, (event, json) -> {
      Bid bid = (Bid) event;
      BigDecimal euros = Q1.euros(bid.price());
      if (euros.compareTo(LOW) <= 0 || euros.compareTo(HIGH) >= 0) {
        return null;
      }
      return json.start().number("BIDDER", bid.bidder())
          .number("PRICE", euros).string("BIDTIMETYPE", timeType(bid.dateTime()))
          .number("dateTime", bid.dateTime()).string("EXTRA", bid.extra()).number("C_COUNTS", count(bid.extra(), 'c'))
          .end();
    }, outputTopic);
  }

  static String timeType(long millis) {
    long hour = Math.floorMod(Math.floorDiv(millis, MILLIS_PER_HOUR), 24L);
    if (hour >= 8 && hour <= 18) {
      return "dayTime";
    }
    return hour <= 6 || hour >= 20 ? "nightTime" : "otherTime";
  }

  static long count(String text, char c) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}

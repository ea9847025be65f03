package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import java.math.BigDecimal;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/**
 * q1 by hand: every bid with its price in euros. {@code 0.908 * price} is DECIMAL(23, 3) in the SQL
 * (DECIMAL(4, 3) times BIGINT's DECIMAL(19, 0)), written as a plain number with three decimals.
 */
public final class Q1 extends Twin {

  static final BigDecimal DOLLARS_TO_EUROS = new BigDecimal("0.908");

  @Override
  public String name() {
    return "q1";
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
      return json.start().number("BIDDER", bid.bidder())
          .number("PRICE", euros(bid.price())).number("dateTime", bid.dateTime()).string("EXTRA", bid.extra())
          .end();
    }, outputTopic);
  }

  static BigDecimal euros(long price) {
    return DOLLARS_TO_EUROS.multiply(BigDecimal.valueOf(price));
  }
}

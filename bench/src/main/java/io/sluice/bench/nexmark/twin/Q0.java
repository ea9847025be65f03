package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/** q0 by hand: every bid's auction, bidder, price, dateTime and extra. */
public final class Q0 extends Twin {

  @Override
  public String name() {
    return "q0";
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
          .number("PRICE", bid.price()).number("dateTime", bid.dateTime()).string("EXTRA", bid.extra()).end();
    }, outputTopic);
  }
}

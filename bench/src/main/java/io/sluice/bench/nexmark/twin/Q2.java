package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/** q2 by hand: auction and price of the bids on auctions whose id is a multiple of 123. */
public final class Q2 extends Twin {

  @Override
  public String name() {
    return "q2";
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
      return bid.auction() % 123 != 0 ? null
          : json.start().number("PRICE", bid.price()).end();
    }, outputTopic);
  }
}

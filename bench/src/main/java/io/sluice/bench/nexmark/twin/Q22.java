package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/** q22 by hand: every bid with the pieces 3, 4 and 5 of its URL split at '/' (its first three directories). */
public final class Q22 extends Twin {

  @Override
  public String name() {
    return "q22";
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
          .number("PRICE", bid.price()).string("CHANNEL", bid.channel())
          .string("DIR1", piece(bid.url(), '/', 3)).string("DIR2", piece(bid.url(), '/', 4))
          .string("DIR3", piece(bid.url(), '/', 5)).end();
    }, outputTopic);
  }

  /** SPLIT_INDEX: piece {@code index} (from 0) of {@code text} split at every {@code separator}; null past the end. */
  static String piece(String text, char separator, int index) {
    if (text == null) {
      return null;
    }
    int start = 0;
    for (int i = 0; i < index; i++) {
      int next = text.indexOf(separator, start);
      if (next < 0) {
        return null;
      }
      start = next + 1;
    }
    int end = text.indexOf(separator, start);
    return text.substring(start, end < 0 ? text.length() : end);
  }
}

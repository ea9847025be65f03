package io.sluice.bench.nexmark;

/** A bid by a person on an auction, with Flink Nexmark's fields; the price is in cents. */
public record Bid(long auction, long bidder, long price, String channel, String url, long dateTime, String extra)
    implements NexmarkEvent {

  @Override
  public int eventType() {
    return 2;
  }

  @Override
  public String typeName() {
    return "bid";
  }

  @Override
  public long key() {
    return auction;
  }
}

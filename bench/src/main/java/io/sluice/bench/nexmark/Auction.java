package io.sluice.bench.nexmark;

/** An item put up for auction by a seller, with Flink Nexmark's fields; prices are in cents. */
public record Auction(
    long id, String itemName, String description, long initialBid, long reserve, long dateTime, long expires,
    long seller, long category, String extra) implements NexmarkEvent {

  @Override
  public int eventType() {
    return 1;
  }

  @Override
  public String typeName() {
    return "auction";
  }

  @Override
  public long key() {
    return id;
  }
}

package io.sluice.bench.nexmark;

/** A person joining the auction site, with Flink Nexmark's fields. */
public record Person(
    long id, String name, String emailAddress, String creditCard, String city, String state, long dateTime,
    String extra) implements NexmarkEvent {

  @Override
  public int eventType() {
    return 0;
  }

  @Override
  public String typeName() {
    return "person";
  }

  @Override
  public long key() {
    return id;
  }
}

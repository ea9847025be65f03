package io.sluice.bench.nexmark;

/** One generated Nexmark event: a new person, a new auction or a bid. */
public sealed interface NexmarkEvent permits Person, Auction, Bid {

  /** The {@code event_type} value of the JSON layout: 0 person, 1 auction, 2 bid. */
  int eventType();

  /** The name of the event's object in the nested layout, and the suffix of its topic in the flat one. */
  String typeName();

  /** Event time, milliseconds since the epoch; also the Kafka record's timestamp. */
  long dateTime();

  /**
   * The record key: the id the event is joined on most, so that bids are co-partitioned with their
   * auction: a person's id, an auction's id, a bid's auction id.
   */
  long key();
}

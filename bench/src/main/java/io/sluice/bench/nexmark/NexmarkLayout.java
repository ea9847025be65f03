package io.sluice.bench.nexmark;

import java.util.List;
import java.util.Locale;

/**
 * How the events are laid out in Kafka. {@link #NESTED} is Flink Nexmark's: one topic, every event
 * a JSON object with {@code event_type} and one nested object per type, the other two null.
 * {@link #FLAT} is for readers without STRUCT columns, such as Sluice SQL today: one topic per type,
 * {@code <topic>-person}, {@code <topic>-auction} and {@code <topic>-bid}, each record just the
 * event's own object, so its fields are top-level columns.
 */
public enum NexmarkLayout {
  NESTED,
  FLAT;

  /** Every topic the layout writes: the base topic, or its person, auction and bid topics, in event type order. */
  public List<String> topics(String base) {
    return this == NESTED ? List.of(base) : List.of(base + "-person", base + "-auction", base + "-bid");
  }

  public String flagName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static NexmarkLayout named(String value) {
    for (NexmarkLayout layout : values()) {
      if (layout.flagName().equals(value)) {
        return layout;
      }
    }
    throw new IllegalArgumentException("--layout must be nested or flat, not '" + value + "'");
  }
}

package io.sluice.server.conformance;

import java.util.List;

/** Every record a case expects on one topic; {@code unordered} compares them as a multiset. */
record ExpectedOutput(String topic, boolean unordered, List<ExpectedRecord> records) {

  /** Whether the case gives the partition of its records (it gives all of them or none). */
  boolean givesPartitions() {
    return records.stream().anyMatch(r -> r.partition() != null);
  }
}

package io.sluice.runtime.topology;

import io.sluice.runtime.serde.BinaryRowSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * How the steps that decide per window over all partitions (a window top, a window max join) bring
 * their rows to one task: a repartition topic of one partition, keys as bytes, rows in the binary
 * row format.
 */
final class OneTask {

  private OneTask() {}

  /** The repartition {@code name} (its topic is this plus {@code -repartition}) of rows {@code rows} writes. */
  static Repartitioned<Object, Object> repartitioned(String name, BinaryRowSerde rows) {
    return Repartitioned.<Object, Object>as(name)
        .withKeySerde(Untyped.serde(Serdes.ByteArray()))
        .withValueSerde(Untyped.serde(rows))
        .withNumberOfPartitions(1);
  }
}

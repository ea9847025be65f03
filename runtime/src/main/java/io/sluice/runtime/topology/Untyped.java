package io.sluice.runtime.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The unchecked casts the builders need: Sluice's topologies carry {@code Object} keys and values
 * (rows, group keys, aggregate inputs) through DSL calls typed more narrowly.
 */
final class Untyped {

  private Untyped() {}

  @SuppressWarnings("unchecked")
  static <V> KStream<Object, V> stream(KStream<?, ?> stream) {
    return (KStream<Object, V>) stream;
  }

  @SuppressWarnings("unchecked")
  static Serde<Object> serde(Serde<?> serde) {
    return (Serde<Object>) serde;
  }
}

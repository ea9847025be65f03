package io.sluice.runtime.topology;

import org.apache.kafka.common.serialization.Serializer;

/** Writes every key as null: processing log records have no key, whatever key the reporting step carries. */
final class NullKeySerializer implements Serializer<Object> {

  @Override
  public byte[] serialize(String topic, Object key) {
    return null;
  }
}

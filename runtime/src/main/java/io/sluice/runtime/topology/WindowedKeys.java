package io.sluice.runtime.topology;

import io.sluice.plan.WindowType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.SessionWindowedSerializer;
import org.apache.kafka.streams.kstream.TimeWindowedSerializer;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;

/**
 * The record keys of a windowed result, exactly as Kafka Streams' windowed serializers write them
 * (so ksqlDB consumers read them unchanged): the key bytes and the window start for TUMBLING and
 * HOPPING windows, the key bytes, window end and start for SESSION windows.
 */
final class WindowedKeys {

  private final Serializer<Windowed<byte[]>> serializer;
  private final String topic;

  WindowedKeys(WindowType type, String topic) {
    this.serializer = type == WindowType.SESSION
        ? new SessionWindowedSerializer<>(new ByteArraySerializer())
        : new TimeWindowedSerializer<>(new ByteArraySerializer());
    this.topic = topic;
  }

  /** The record key for {@code keyBytes} in {@code window}; null when the key itself is null. */
  byte[] of(byte[] keyBytes, Window window) {
    return keyBytes == null ? null : serializer.serialize(topic, new Windowed<>(keyBytes, window));
  }
}

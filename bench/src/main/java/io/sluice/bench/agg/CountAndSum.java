package io.sluice.bench.agg;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** The baseline's aggregate state for one user and window: a row count and the sum of the amounts, 16 bytes in the store. */
record CountAndSum(long count, long total) {

  static final CountAndSum EMPTY = new CountAndSum(0, 0);

  private static final Serializer<CountAndSum> SERIALIZER = (topic, value) ->
      value == null ? null : ByteBuffer.allocate(16).putLong(value.count).putLong(value.total).array();
  private static final Deserializer<CountAndSum> DESERIALIZER = (topic, bytes) -> {
    if (bytes == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new CountAndSum(buffer.getLong(), buffer.getLong());
  };

  /** The binary form kept in the window store and its changelog. */
  static final Serde<CountAndSum> SERDE = Serdes.serdeFrom(SERIALIZER, DESERIALIZER);

  /** COUNT(*) counts every row, SUM(AMOUNT) skips null amounts. */
  CountAndSum add(Long amount) {
    return new CountAndSum(count + 1, amount == null ? total : total + amount);
  }

  /** The output row, {@code {"N":..,"TOTAL":..}}. */
  byte[] toJson() {
    return ("{\"N\":" + count + ",\"TOTAL\":" + total + "}").getBytes(StandardCharsets.US_ASCII);
  }
}

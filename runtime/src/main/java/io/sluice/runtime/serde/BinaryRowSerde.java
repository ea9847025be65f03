package io.sluice.runtime.serde;

import io.sluice.plan.DataType;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde of whole rows ({@code Object[]} of known column types) in {@link BinaryValues}' encoding, for state stores. */
public final class BinaryRowSerde implements Serde<Object[]>, Serializer<Object[]>, Deserializer<Object[]> {

  private final DataType[] types;

  public BinaryRowSerde(List<DataType> types) {
    this.types = types.toArray(DataType[]::new);
  }

  @Override
  public byte[] serialize(String topic, Object[] row) {
    if (row == null) {
      return null;
    }
    BinaryWriter out = BinaryWriter.reset();
    for (int i = 0; i < types.length; i++) {
      BinaryValues.write(out, row[i], types[i]);
    }
    return out.toByteArray();
  }

  @Override
  public Object[] deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    BinaryReader in = new BinaryReader(bytes);
    Object[] row = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      row[i] = BinaryValues.read(in, types[i]);
    }
    return row;
  }

  @Override
  public Serializer<Object[]> serializer() {
    return this;
  }

  @Override
  public Deserializer<Object[]> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}
}

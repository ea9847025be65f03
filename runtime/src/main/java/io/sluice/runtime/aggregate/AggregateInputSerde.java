package io.sluice.runtime.aggregate;

import io.sluice.plan.DataType;
import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryValues;
import io.sluice.runtime.serde.BinaryWriter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** The serde of {@link AggregateInput}s crossing a repartition topic: which of the two rows are present, then their argument values. */
public final class AggregateInputSerde
    implements Serde<AggregateInput>, Serializer<AggregateInput>, Deserializer<AggregateInput> {

  private static final int REMOVED = 1;
  private static final int ADDED = 2;

  private final DataType[] types;

  public AggregateInputSerde(List<DataType> argumentTypes) {
    this.types = argumentTypes.toArray(DataType[]::new);
  }

  @Override
  public byte[] serialize(String topic, AggregateInput input) {
    if (input == null) {
      return null;
    }
    BinaryWriter out = BinaryWriter.reset();
    out.writeByte((input.removed() == null ? 0 : REMOVED) | (input.added() == null ? 0 : ADDED));
    write(out, input.removed());
    write(out, input.added());
    return out.toByteArray();
  }

  @Override
  public AggregateInput deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    BinaryReader in = new BinaryReader(bytes);
    int present = in.readByte();
    Object[] removed = (present & REMOVED) == 0 ? null : read(in);
    Object[] added = (present & ADDED) == 0 ? null : read(in);
    return new AggregateInput(removed, added);
  }

  private void write(BinaryWriter out, Object[] arguments) {
    if (arguments != null) {
      for (int i = 0; i < types.length; i++) {
        BinaryValues.write(out, arguments[i], types[i]);
      }
    }
  }

  private Object[] read(BinaryReader in) {
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      arguments[i] = BinaryValues.read(in, types[i]);
    }
    return arguments;
  }

  @Override
  public Serializer<AggregateInput> serializer() {
    return this;
  }

  @Override
  public Deserializer<AggregateInput> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}
}

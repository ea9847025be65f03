package io.sluice.runtime.aggregate;

import io.sluice.plan.DataType;
import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryValues;
import io.sluice.runtime.serde.BinaryWriter;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** The serde of {@link AggregateInput}s crossing a repartition topic: a retraction flag, then the argument values. */
public final class AggregateInputSerde
    implements Serde<AggregateInput>, Serializer<AggregateInput>, Deserializer<AggregateInput> {

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
    out.writeBoolean(input.retraction());
    Object[] arguments = input.arguments();
    for (int i = 0; i < types.length; i++) {
      BinaryValues.write(out, arguments[i], types[i]);
    }
    return out.toByteArray();
  }

  @Override
  public AggregateInput deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    BinaryReader in = new BinaryReader(bytes);
    boolean retraction = in.readBoolean();
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      arguments[i] = BinaryValues.read(in, types[i]);
    }
    return new AggregateInput(arguments, retraction);
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
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}
}

package io.sluice.runtime.aggregate;

import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryWriter;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** The serde of {@link AggregateState}s in aggregate stores and their changelogs: the row count, then each accumulator. */
public final class AggregateStateSerde
    implements Serde<AggregateState>, Serializer<AggregateState>, Deserializer<AggregateState> {

  private final Accumulators functions;

  public AggregateStateSerde(Accumulators functions) {
    this.functions = functions;
  }

  @Override
  public byte[] serialize(String topic, AggregateState state) {
    if (state == null) {
      return null;
    }
    BinaryWriter out = BinaryWriter.reset();
    out.writeVarLong(state.rows());
    for (Accumulator accumulator : state.accumulators()) {
      accumulator.write(out);
    }
    return out.toByteArray();
  }

  @Override
  public AggregateState deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    BinaryReader in = new BinaryReader(bytes);
    AggregateState state = functions.newState();
    state.setRows(in.readVarLong());
    for (Accumulator accumulator : state.accumulators()) {
      accumulator.read(in);
    }
    return state;
  }

  @Override
  public Serializer<AggregateState> serializer() {
    return this;
  }

  @Override
  public Deserializer<AggregateState> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}
}

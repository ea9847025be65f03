package io.sluice.runtime.aggregate;

import io.sluice.plan.DataType;
import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryValues;
import io.sluice.runtime.serde.BinaryWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** COLLECT_LIST: every value in processing order, nulls included, at most {@link Accumulators#COLLECTION_LIMIT}; undo removes one occurrence. */
final class CollectListAccumulator implements Accumulator {

  private final DataType type;
  private final List<Object> values = new ArrayList<>();

  CollectListAccumulator(DataType type) {
    this.type = type;
  }

  @Override
  public void add(Object value) {
    if (values.size() < Accumulators.COLLECTION_LIMIT) {
      values.add(value);
    }
  }

  @Override
  public void undo(Object value) {
    for (int i = 0; i < values.size(); i++) {
      if (same(values.get(i), value)) {
        values.remove(i);
        return;
      }
    }
  }

  @Override
  public void merge(Accumulator later) {
    for (Object value : ((CollectListAccumulator) later).values) {
      add(value);
    }
  }

  @Override
  public Object result() {
    return new ArrayList<>(values);
  }

  @Override
  public void write(BinaryWriter out) {
    out.writeVarLong(values.size());
    for (Object value : values) {
      BinaryValues.write(out, value, type);
    }
  }

  @Override
  public void read(BinaryReader in) {
    int n = in.readVarInt();
    for (int i = 0; i < n; i++) {
      values.add(BinaryValues.read(in, type));
    }
  }

  private static boolean same(Object a, Object b) {
    return a instanceof byte[] x && b instanceof byte[] y ? Arrays.equals(x, y) : Objects.equals(a, b);
  }
}

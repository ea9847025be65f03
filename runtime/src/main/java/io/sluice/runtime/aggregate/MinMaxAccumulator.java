package io.sluice.runtime.aggregate;

import io.sluice.plan.DataType;
import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryValues;
import io.sluice.runtime.serde.BinaryWriter;

/** MIN or MAX: the least or greatest non-null value seen, null if none. */
final class MinMaxAccumulator extends StreamOnlyAccumulator {

  private final boolean max;
  private final DataType type;
  private Comparable<Object> best;

  MinMaxAccumulator(boolean max, DataType type) {
    this.max = max;
    this.type = type;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(Object value) {
    if (value == null) {
      return;
    }
    Comparable<Object> candidate = (Comparable<Object>) value;
    if (best == null || (max ? candidate.compareTo(best) > 0 : candidate.compareTo(best) < 0)) {
      best = candidate;
    }
  }

  @Override
  public void merge(Accumulator later) {
    add(((MinMaxAccumulator) later).best);
  }

  @Override
  public Object result() {
    return best;
  }

  @Override
  public void write(BinaryWriter out) {
    BinaryValues.write(out, best, type);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void read(BinaryReader in) {
    best = (Comparable<Object>) BinaryValues.read(in, type);
  }
}

package io.sluice.runtime.aggregate;

import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryWriter;

/** COUNT(*) counts rows; COUNT(x) counts non-null x. */
final class CountAccumulator implements Accumulator {

  private final boolean rows;
  private long count;

  /** @param rows true for COUNT(*) */
  CountAccumulator(boolean rows) {
    this.rows = rows;
  }

  @Override
  public void add(Object value) {
    if (rows || value != null) {
      count++;
    }
  }

  @Override
  public void undo(Object value) {
    if (rows || value != null) {
      count--;
    }
  }

  @Override
  public void merge(Accumulator later) {
    count += ((CountAccumulator) later).count;
  }

  @Override
  public Object result() {
    return count;
  }

  @Override
  public void write(BinaryWriter out) {
    out.writeVarLong(count);
  }

  @Override
  public void read(BinaryReader in) {
    count = in.readVarLong();
  }
}

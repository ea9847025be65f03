package io.sluice.runtime.aggregate;

import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryWriter;

/** SUM of DOUBLE values: 0.0 until a non-null value arrives. */
final class DoubleSumAccumulator implements Accumulator {

  private double sum;

  @Override
  public void add(Object value) {
    if (value != null) {
      sum += (Double) value;
    }
  }

  @Override
  public void undo(Object value) {
    if (value != null) {
      sum -= (Double) value;
    }
  }

  @Override
  public void merge(Accumulator later) {
    sum += ((DoubleSumAccumulator) later).sum;
  }

  @Override
  public Object result() {
    return sum;
  }

  @Override
  public void write(BinaryWriter out) {
    out.writeDouble(sum);
  }

  @Override
  public void read(BinaryReader in) {
    sum = in.readDouble();
  }
}

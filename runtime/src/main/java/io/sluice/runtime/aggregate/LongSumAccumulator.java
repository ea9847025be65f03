package io.sluice.runtime.aggregate;

import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryWriter;

/** SUM of INTEGER or BIGINT values: 0 until a non-null value arrives; INTEGER sums wrap as 32-bit arithmetic does. */
final class LongSumAccumulator implements Accumulator {

  private final boolean integer;
  private long sum;

  /** @param integer true if the result is INTEGER rather than BIGINT */
  LongSumAccumulator(boolean integer) {
    this.integer = integer;
  }

  @Override
  public void add(Object value) {
    if (value != null) {
      sum += ((Number) value).longValue();
    }
  }

  @Override
  public void undo(Object value) {
    if (value != null) {
      sum -= ((Number) value).longValue();
    }
  }

  @Override
  public void merge(Accumulator later) {
    sum += ((LongSumAccumulator) later).sum;
  }

  @Override
  public Object result() {
    if (integer) {
      return (int) sum;
    }
    return sum;
  }

  @Override
  public void write(BinaryWriter out) {
    out.writeVarLong(sum);
  }

  @Override
  public void read(BinaryReader in) {
    sum = in.readVarLong();
  }
}

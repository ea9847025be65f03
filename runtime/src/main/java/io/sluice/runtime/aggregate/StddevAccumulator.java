package io.sluice.runtime.aggregate;

import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryWriter;

/**
 * STDDEV_SAMP: the count, mean and sum of squared deviations of the non-null values (Welford's
 * running form, which can also take a value back out and combine two sessions); null below two values.
 */
final class StddevAccumulator implements Accumulator {

  private long count;
  private double mean;
  private double squares;

  @Override
  public void add(Object value) {
    if (value == null) {
      return;
    }
    double x = ((Number) value).doubleValue();
    count++;
    double delta = x - mean;
    mean += delta / count;
    squares += delta * (x - mean);
  }

  @Override
  public void undo(Object value) {
    if (value == null || count == 0) {
      return;
    }
    if (count == 1) {
      count = 0;
      mean = 0;
      squares = 0;
      return;
    }
    double x = ((Number) value).doubleValue();
    double previousMean = (count * mean - x) / (count - 1);
    squares -= (x - mean) * (x - previousMean);
    mean = previousMean;
    count--;
  }

  @Override
  public void merge(Accumulator later) {
    StddevAccumulator other = (StddevAccumulator) later;
    if (other.count == 0) {
      return;
    }
    long total = count + other.count;
    double delta = other.mean - mean;
    squares += other.squares + delta * delta * count * other.count / total;
    mean += delta * other.count / total;
    count = total;
  }

  @Override
  public Object result() {
    return count < 2 ? null : Math.sqrt(Math.max(squares, 0) / (count - 1));
  }

  @Override
  public void write(BinaryWriter out) {
    out.writeVarLong(count);
    out.writeDouble(mean);
    out.writeDouble(squares);
  }

  @Override
  public void read(BinaryReader in) {
    count = in.readVarLong();
    mean = in.readDouble();
    squares = in.readDouble();
  }
}

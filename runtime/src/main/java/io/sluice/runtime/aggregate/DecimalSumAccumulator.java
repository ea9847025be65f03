package io.sluice.runtime.aggregate;

import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryWriter;
import io.sluice.runtime.types.DecimalValues;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * SUM of DECIMAL values, exact, fitted to the result type; a sum beyond its precision is an
 * {@link ArithmeticException} when the result is read, which the runtime reports per row.
 */
final class DecimalSumAccumulator implements Accumulator {

  private final int precision;
  private final int scale;
  private BigDecimal sum = BigDecimal.ZERO;

  DecimalSumAccumulator(int precision, int scale) {
    this.precision = precision;
    this.scale = scale;
  }

  @Override
  public void add(Object value) {
    if (value != null) {
      sum = sum.add((BigDecimal) value);
    }
  }

  @Override
  public void undo(Object value) {
    if (value != null) {
      sum = sum.subtract((BigDecimal) value);
    }
  }

  @Override
  public void merge(Accumulator later) {
    sum = sum.add(((DecimalSumAccumulator) later).sum);
  }

  @Override
  public Object result() {
    return DecimalValues.fit(sum, precision, scale);
  }

  @Override
  public void write(BinaryWriter out) {
    out.writeVarLong(sum.scale());
    out.writeBytes(sum.unscaledValue().toByteArray());
  }

  @Override
  public void read(BinaryReader in) {
    int s = in.readVarInt();
    sum = new BigDecimal(new BigInteger(in.readBytes()), s);
  }
}

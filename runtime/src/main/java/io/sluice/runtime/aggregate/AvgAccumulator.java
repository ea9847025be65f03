package io.sluice.runtime.aggregate;

import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * AVG: the sum and count of the non-null values, as DOUBLE; null while there are none. Whole
 * numbers and decimals are summed exactly, so undoing a value restores the earlier result.
 */
final class AvgAccumulator implements Accumulator {

  /** Whole numbers of up to 15 digits, and counts up to 2^53, are exact as doubles. */
  private static final int MAX_EXACT_DOUBLE_DIGITS = 15;
  private static final long MAX_EXACT_DOUBLE_COUNT = 1L << 53;

  private final boolean exact;
  private BigDecimal exactSum = BigDecimal.ZERO;
  private double doubleSum;
  private long count;

  /** @param exact true for INTEGER, BIGINT and DECIMAL values, false for DOUBLE */
  AvgAccumulator(boolean exact) {
    this.exact = exact;
  }

  @Override
  public void add(Object value) {
    if (value != null) {
      count++;
      if (exact) {
        exactSum = exactSum.add(decimal(value));
      } else {
        doubleSum += (Double) value;
      }
    }
  }

  @Override
  public void undo(Object value) {
    if (value != null) {
      count--;
      if (exact) {
        exactSum = exactSum.subtract(decimal(value));
      } else {
        doubleSum -= (Double) value;
      }
    }
  }

  @Override
  public void merge(Accumulator later) {
    AvgAccumulator other = (AvgAccumulator) later;
    count += other.count;
    exactSum = exactSum.add(other.exactSum);
    doubleSum += other.doubleSum;
  }

  @Override
  public Object result() {
    if (count == 0) {
      return null;
    }
    if (!exact) {
      return doubleSum / count;
    }
    if (exactSum.scale() == 0 && exactSum.precision() <= MAX_EXACT_DOUBLE_DIGITS && count <= MAX_EXACT_DOUBLE_COUNT) {
      // Both are exact doubles, and IEEE division rounds their exact quotient correctly: the same
      // double the decimal division below gives, without its BigDecimal arithmetic.
      return (double) exactSum.longValue() / count;
    }
    return exactSum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
  }

  @Override
  public void write(BinaryWriter out) {
    out.writeVarLong(count);
    if (exact) {
      out.writeVarLong(exactSum.scale());
      out.writeBytes(exactSum.unscaledValue().toByteArray());
    } else {
      out.writeDouble(doubleSum);
    }
  }

  @Override
  public void read(BinaryReader in) {
    count = in.readVarLong();
    if (exact) {
      int scale = in.readVarInt();
      exactSum = new BigDecimal(new BigInteger(in.readBytes()), scale);
    } else {
      doubleSum = in.readDouble();
    }
  }

  private static BigDecimal decimal(Object value) {
    return value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
  }
}

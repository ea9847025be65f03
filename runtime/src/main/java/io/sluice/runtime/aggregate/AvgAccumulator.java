package io.sluice.runtime.aggregate;

import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * AVG: the sum and count of the non-null values, as DOUBLE; null while there are none. Whole
 * numbers and decimals are summed exactly, so undoing a value restores the earlier result: whole
 * numbers in a long while the sum fits one (the common case, without a BigDecimal per update),
 * as a BigDecimal once it does not or a decimal comes. Both are written alike, as the sum's scale
 * and unscaled two's-complement bytes, so state written by either reads back in the other.
 */
final class AvgAccumulator implements Accumulator {

  /** Whole numbers of up to 15 digits, and counts up to 2^53, are exact as doubles. */
  private static final int MAX_EXACT_DOUBLE_DIGITS = 15;
  private static final long MAX_EXACT_DOUBLE_SUM = (long) Math.pow(10, MAX_EXACT_DOUBLE_DIGITS) - 1;
  private static final long MAX_EXACT_DOUBLE_COUNT = 1L << 53;

  private final boolean exact;
  /** True while the exact sum is {@code wholeSum}; false once it is {@code exactSum}. */
  private boolean whole = true;
  private long wholeSum;
  private BigDecimal exactSum;
  private double doubleSum;
  private long count;

  /** @param exact true for INTEGER, BIGINT and DECIMAL values, false for DOUBLE */
  AvgAccumulator(boolean exact) {
    this.exact = exact;
  }

  @Override
  public void add(Object value) {
    change(value, false);
  }

  @Override
  public void undo(Object value) {
    change(value, true);
  }

  private void change(Object value, boolean undo) {
    if (value == null) {
      return;
    }
    count += undo ? -1 : 1;
    if (!exact) {
      doubleSum += undo ? -(Double) value : (Double) value;
      return;
    }
    if (whole && !(value instanceof BigDecimal)) {
      long number = ((Number) value).longValue();
      try {
        wholeSum = undo ? Math.subtractExact(wholeSum, number) : Math.addExact(wholeSum, number);
        return;
      } catch (ArithmeticException overflow) {
        // Summed as decimals below.
      }
    }
    exactSum = undo ? decimalSum().subtract(decimal(value)) : decimalSum().add(decimal(value));
    whole = false;
  }

  @Override
  public void merge(Accumulator later) {
    AvgAccumulator other = (AvgAccumulator) later;
    count += other.count;
    doubleSum += other.doubleSum;
    if (whole && other.whole) {
      try {
        wholeSum = Math.addExact(wholeSum, other.wholeSum);
        return;
      } catch (ArithmeticException overflow) {
        // Summed as decimals below.
      }
    }
    exactSum = decimalSum().add(other.decimalSum());
    whole = false;
  }

  @Override
  public Object result() {
    if (count == 0) {
      return null;
    }
    if (!exact) {
      return doubleSum / count;
    }
    if (count <= MAX_EXACT_DOUBLE_COUNT && (whole ? Math.abs(wholeSum) <= MAX_EXACT_DOUBLE_SUM
        : exactSum.scale() == 0 && exactSum.precision() <= MAX_EXACT_DOUBLE_DIGITS)) {
      // Both are exact doubles, and IEEE division rounds their exact quotient correctly: the same
      // double the decimal division below gives, without its BigDecimal arithmetic.
      return (double) (whole ? wholeSum : exactSum.longValue()) / count;
    }
    return decimalSum().divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
  }

  @Override
  public void write(BinaryWriter out) {
    out.writeVarLong(count);
    if (!exact) {
      out.writeDouble(doubleSum);
    } else if (whole) {
      out.writeVarLong(0);
      out.writeBytes(twosComplement(wholeSum));
    } else {
      out.writeVarLong(exactSum.scale());
      out.writeBytes(exactSum.unscaledValue().toByteArray());
    }
  }

  @Override
  public void read(BinaryReader in) {
    count = in.readVarLong();
    if (!exact) {
      doubleSum = in.readDouble();
      return;
    }
    int scale = in.readVarInt();
    byte[] unscaled = in.readBytes();
    whole = scale == 0 && unscaled.length <= Long.BYTES;
    if (whole) {
      wholeSum = fromTwosComplement(unscaled);
    } else {
      exactSum = new BigDecimal(new BigInteger(unscaled), scale);
    }
  }

  private BigDecimal decimalSum() {
    return whole ? BigDecimal.valueOf(wholeSum) : exactSum;
  }

  /** The bytes {@code BigInteger.valueOf(value).toByteArray()} gives: the fewest big-endian bytes with the sign bit. */
  static byte[] twosComplement(long value) {
    int bits = Long.SIZE - Long.numberOfLeadingZeros(value < 0 ? ~value : value);
    byte[] bytes = new byte[bits / Byte.SIZE + 1];
    for (int i = bytes.length - 1; i >= 0; i--, value >>= Byte.SIZE) {
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  private static long fromTwosComplement(byte[] bytes) {
    long value = bytes.length > 0 && bytes[0] < 0 ? -1L : 0L;
    for (byte b : bytes) {
      value = (value << Byte.SIZE) | (b & 0xFF);
    }
    return value;
  }

  private static BigDecimal decimal(Object value) {
    return value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
  }
}

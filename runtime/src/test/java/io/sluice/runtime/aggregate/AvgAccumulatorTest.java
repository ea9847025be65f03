package io.sluice.runtime.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * AVG of whole numbers: the result of one double division is the decimal division's, for sums up to
 * 15 digits; the sum kept in a long is written as the decimal sum was.
 */
class AvgAccumulatorTest {

  @Test
  void aWholeAverageIsTheDecimalDivisionsDouble() {
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      int count = 1 + random.nextInt(i % 2 == 0 ? 10 : 1_000_000);
      long bound = i % 3 == 0 ? 999_999_999_999_999L : 1_000_000L;
      long total = random.nextLong(bound) * (random.nextBoolean() ? 1 : -1);
      AvgAccumulator avg = averageOf(total, count);
      double expected = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128)
          .doubleValue();
      assertEquals(expected, (Double) avg.result(), () -> total + " / " + count);
    }
  }

  @Test
  void sumsBeyondFifteenDigitsAreStillDividedExactly() {
    AvgAccumulator avg = averageOf(Long.MAX_VALUE, 3);
    avg.add(Long.MAX_VALUE);
    assertEquals(BigDecimal.valueOf(Long.MAX_VALUE).multiply(BigDecimal.valueOf(2))
        .divide(BigDecimal.valueOf(4), MathContext.DECIMAL128).doubleValue(), (Double) avg.result());
  }

  @Test
  void aWholeSumIsWrittenAsTheDecimalSumsBytes() {
    Random random = new Random(11);
    long[] values = {0, 1, -1, 127, 128, -128, -129, 32_767, -32_769, Long.MAX_VALUE, Long.MIN_VALUE,
        random.nextLong(), random.nextLong(), random.nextInt()};
    for (long value : values) {
      assertArrayEquals(BigInteger.valueOf(value).toByteArray(), AvgAccumulator.twosComplement(value),
          () -> Long.toString(value));
      AvgAccumulator whole = new AvgAccumulator(true);
      whole.add(value);
      AvgAccumulator decimal = new AvgAccumulator(true);
      decimal.add(BigDecimal.valueOf(value));
      assertArrayEquals(bytes(decimal), bytes(whole), () -> Long.toString(value));
      AvgAccumulator read = new AvgAccumulator(true);
      read.read(new BinaryReader(bytes(whole)));
      assertEquals(whole.result(), read.result());
      read.add(1L);
      whole.add(1L);
      assertEquals(whole.result(), read.result());
    }
  }

  @Test
  void aSumThatLeavesTheLongRangeAndComesBackIsUndoneExactly() {
    AvgAccumulator avg = new AvgAccumulator(true);
    avg.add(Long.MAX_VALUE);
    avg.add(Long.MAX_VALUE);
    avg.undo(Long.MAX_VALUE);
    avg.add(-2L);
    assertEquals(BigDecimal.valueOf(Long.MAX_VALUE - 2).divide(BigDecimal.valueOf(2), MathContext.DECIMAL128)
        .doubleValue(), (Double) avg.result());
    avg.add(new BigDecimal("0.5"));
    assertEquals(BigDecimal.valueOf(Long.MAX_VALUE - 2).add(new BigDecimal("0.5"))
        .divide(BigDecimal.valueOf(3), MathContext.DECIMAL128).doubleValue(), (Double) avg.result());
  }

  private static byte[] bytes(AvgAccumulator avg) {
    BinaryWriter out = BinaryWriter.reset();
    avg.write(out);
    return out.toByteArray();
  }

  /** An average of {@code count} values adding up to {@code total}: the total, then zeros merged in by doubling. */
  private static AvgAccumulator averageOf(long total, int count) {
    AvgAccumulator avg = new AvgAccumulator(true);
    avg.add(total);
    AvgAccumulator zeros = new AvgAccumulator(true);
    zeros.add(0L);
    for (int rest = count - 1; rest > 0; rest >>= 1) {
      if ((rest & 1) == 1) {
        avg.merge(zeros);
      }
      zeros.merge(zeros);
    }
    return avg;
  }
}

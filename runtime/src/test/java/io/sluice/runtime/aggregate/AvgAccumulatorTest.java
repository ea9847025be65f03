package io.sluice.runtime.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** AVG of whole numbers: the result of one double division is the decimal division's, for sums up to 15 digits. */
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

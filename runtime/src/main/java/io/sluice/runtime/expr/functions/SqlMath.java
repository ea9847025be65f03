package io.sluice.runtime.expr.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding and sign functions for each numeric type; the rest of the math is {@link Math}. */
public final class SqlMath {

  private SqlMath() {}

  public static BigDecimal abs(BigDecimal x) {
    return x.abs();
  }

  /** Half away from zero at {@code digits} after the point, judged on the double's decimal text. */
  public static Double round(double x, long digits) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    return BigDecimal.valueOf(x).setScale(clampDigits(digits), RoundingMode.HALF_UP).doubleValue();
  }

  public static BigDecimal round(BigDecimal x, long digits) {
    return x.setScale(clampDigits(digits), RoundingMode.HALF_UP);
  }

  /** Rounds to a power of ten when {@code digits} is negative; otherwise {@code x} itself. */
  public static Long round(long x, long digits) {
    if (digits >= 0) {
      return x;
    }
    return BigDecimal.valueOf(x).setScale(clampDigits(digits), RoundingMode.HALF_UP).longValueExact();
  }

  public static Integer round(int x, long digits) {
    if (digits >= 0) {
      return x;
    }
    return BigDecimal.valueOf(x).setScale(clampDigits(digits), RoundingMode.HALF_UP).intValueExact();
  }

  public static BigDecimal floor(BigDecimal x) {
    return x.setScale(0, RoundingMode.FLOOR);
  }

  public static BigDecimal ceil(BigDecimal x) {
    return x.setScale(0, RoundingMode.CEILING);
  }

  public static Integer sign(int x) {
    return Integer.signum(x);
  }

  public static Long sign(long x) {
    return (long) Long.signum(x);
  }

  public static Double sign(double x) {
    return Math.signum(x);
  }

  public static BigDecimal sign(BigDecimal x) {
    return BigDecimal.valueOf(x.signum());
  }

  private static int clampDigits(long digits) {
    return (int) Math.max(-100, Math.min(100, digits));
  }
}

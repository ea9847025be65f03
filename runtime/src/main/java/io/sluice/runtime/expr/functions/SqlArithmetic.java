package io.sluice.runtime.expr.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Division and remainder with SQL's zero-divisor rules; the other arithmetic is plain Java. */
public final class SqlArithmetic {

  private SqlArithmetic() {}

  /** Integer division truncating toward zero; null for a zero divisor. */
  public static Integer divide(int a, int b) {
    return b == 0 ? null : a / b;
  }

  public static Long divide(long a, long b) {
    return b == 0 ? null : a / b;
  }

  /** Exact division rounded half away from zero to {@code scale}; a zero divisor is an error. */
  public static BigDecimal divide(BigDecimal a, BigDecimal b, int scale) {
    if (b.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return a.divide(b, scale, RoundingMode.HALF_UP);
  }

  /** The remainder with the dividend's sign; null for a zero divisor. */
  public static Integer mod(int a, int b) {
    return b == 0 ? null : a % b;
  }

  public static Long mod(long a, long b) {
    return b == 0 ? null : a % b;
  }

  public static Double mod(double a, double b) {
    return b == 0 ? null : a % b;
  }

  public static BigDecimal mod(BigDecimal a, BigDecimal b) {
    return b.signum() == 0 ? null : a.remainder(b);
  }
}

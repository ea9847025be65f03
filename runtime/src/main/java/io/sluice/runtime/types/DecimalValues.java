package io.sluice.runtime.types;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fits exact numbers into a DECIMAL(precision, scale): the single place DECIMAL rounding happens. */
public final class DecimalValues {

  private DecimalValues() {}

  /**
   * Rounds {@code value} half away from zero to {@code scale} digits after the point, and refuses it
   * with an {@link ArithmeticException} if it then needs more than {@code precision} digits in all.
   * Null stays null.
   */
  public static BigDecimal fit(BigDecimal value, int precision, int scale) {
    if (value == null) {
      return null;
    }
    BigDecimal scaled = value.scale() == scale ? value : value.setScale(scale, RoundingMode.HALF_UP);
    if (scaled.precision() - scaled.scale() > precision - scale) {
      throw new ArithmeticException(
          "value " + value.toPlainString() + " does not fit DECIMAL(" + precision + ", " + scale + ")");
    }
    return scaled;
  }
}

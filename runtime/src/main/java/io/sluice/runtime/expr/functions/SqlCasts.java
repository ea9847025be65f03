package io.sluice.runtime.expr.functions;

import io.sluice.runtime.types.DecimalValues;
import io.sluice.runtime.types.TemporalText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * CAST between SQL types. Text that does not parse as the target type gives null, as in ksqlDB;
 * a number that does not fit the target type is an error. Fractions are truncated toward zero when
 * cast to an integer type and rounded half away from zero when cast to a DECIMAL scale. Dates and
 * times convert in UTC; TIMESTAMP and BIGINT convert through epoch milliseconds.
 */
public final class SqlCasts {

  private static final BigDecimal MIN_INT = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  private SqlCasts() {}

  public static String toStringValue(Boolean v) {
    return v.toString();
  }

  public static String toStringValue(Integer v) {
    return v.toString();
  }

  public static String toStringValue(Long v) {
    return v.toString();
  }

  public static String toStringValue(Double v) {
    return v.toString();
  }

  public static String toStringValue(BigDecimal v) {
    return v.toPlainString();
  }

  /** Base64, the text form BYTES has in literals and JSON. */
  public static String toStringValue(byte[] v) {
    return Base64.getEncoder().encodeToString(v);
  }

  public static String toStringValue(LocalDate v) {
    return TemporalText.format(v);
  }

  public static String toStringValue(LocalTime v) {
    return TemporalText.format(v);
  }

  public static String toStringValue(Instant v) {
    return TemporalText.format(v);
  }

  /** {@code true} or {@code false} in any case, blanks around ignored; anything else is null. */
  public static Boolean toBoolean(String v) {
    String text = v.trim();
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
  }

  public static Integer toInteger(Long v) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw outOfRange(v, "INTEGER");
    }
    return (int) v.longValue();
  }

  public static Integer toInteger(Double v) {
    double d = finite(v, "INTEGER");
    if (d <= Integer.MIN_VALUE - 1.0 || d >= Integer.MAX_VALUE + 1.0) {
      throw outOfRange(v, "INTEGER");
    }
    return (int) d;
  }

  public static Integer toInteger(BigDecimal v) {
    BigDecimal whole = v.setScale(0, RoundingMode.DOWN);
    if (whole.compareTo(MIN_INT) < 0 || whole.compareTo(MAX_INT) > 0) {
      throw outOfRange(v.toPlainString(), "INTEGER");
    }
    return whole.intValue();
  }

  public static Integer toInteger(String v) {
    try {
      return Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static Long toBigint(Integer v) {
    return v.longValue();
  }

  public static Long toBigint(Double v) {
    double d = finite(v, "BIGINT");
    if (d < -0x1p63 || d >= 0x1p63) {
      throw outOfRange(v, "BIGINT");
    }
    return (long) d;
  }

  public static Long toBigint(BigDecimal v) {
    BigDecimal whole = v.setScale(0, RoundingMode.DOWN);
    if (whole.compareTo(MIN_LONG) < 0 || whole.compareTo(MAX_LONG) > 0) {
      throw outOfRange(v.toPlainString(), "BIGINT");
    }
    return whole.longValue();
  }

  public static Long toBigint(String v) {
    try {
      return Long.valueOf(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Epoch milliseconds. */
  public static Long toBigint(Instant v) {
    return v.toEpochMilli();
  }

  public static Double toDouble(Integer v) {
    return v.doubleValue();
  }

  public static Double toDouble(Long v) {
    return v.doubleValue();
  }

  public static Double toDouble(BigDecimal v) {
    return v.doubleValue();
  }

  public static Double toDouble(String v) {
    try {
      return Double.valueOf(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static BigDecimal toDecimal(Integer v, int precision, int scale) {
    return DecimalValues.fit(BigDecimal.valueOf(v), precision, scale);
  }

  public static BigDecimal toDecimal(Long v, int precision, int scale) {
    return DecimalValues.fit(BigDecimal.valueOf(v), precision, scale);
  }

  /** Through the double's shortest decimal text, so that 0.1 becomes 0.1 and not 0.1000000000000000055. */
  public static BigDecimal toDecimal(Double v, int precision, int scale) {
    return DecimalValues.fit(BigDecimal.valueOf(finite(v, "DECIMAL")), precision, scale);
  }

  public static BigDecimal toDecimal(BigDecimal v, int precision, int scale) {
    return DecimalValues.fit(v, precision, scale);
  }

  public static BigDecimal toDecimal(String v, int precision, int scale) {
    BigDecimal parsed;
    try {
      parsed = new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    return DecimalValues.fit(parsed, precision, scale);
  }

  /** Decodes base64; text that is not base64 is null. */
  public static byte[] toBytes(String v) {
    try {
      return Base64.getDecoder().decode(v.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public static LocalDate toDate(String v) {
    try {
      return TemporalText.parseDate(v);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The UTC calendar date of the instant. */
  public static LocalDate toDate(Instant v) {
    return LocalDate.ofInstant(v, ZoneOffset.UTC);
  }

  public static LocalTime toTime(String v) {
    try {
      return TemporalText.parseTime(v);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The UTC time of day of the instant. */
  public static LocalTime toTime(Instant v) {
    return LocalTime.ofInstant(v, ZoneOffset.UTC);
  }

  public static Instant toTimestamp(String v) {
    try {
      return TemporalText.parseTimestamp(v);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Midnight UTC at the start of the date. */
  public static Instant toTimestamp(LocalDate v) {
    return v.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The instant {@code v} epoch milliseconds denote. */
  public static Instant toTimestamp(Long v) {
    return Instant.ofEpochMilli(v);
  }

  private static double finite(Double v, String target) {
    if (v.isNaN() || v.isInfinite()) {
      throw new ArithmeticException("cannot cast " + v + " to " + target);
    }
    return v;
  }

  private static ArithmeticException outOfRange(Object v, String target) {
    return new ArithmeticException("value " + v + " is out of range for " + target);
  }
}

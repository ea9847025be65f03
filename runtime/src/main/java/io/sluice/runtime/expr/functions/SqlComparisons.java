package io.sluice.runtime.expr.functions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;

/** Three-way comparison of same-typed SQL values; the generated code turns the sign into a BOOLEAN. */
public final class SqlComparisons {

  private SqlComparisons() {}

  public static int compare(int a, int b) {
    return Integer.compare(a, b);
  }

  public static int compare(long a, long b) {
    return Long.compare(a, b);
  }

  /** IEEE order, so that {@code -0.0 = 0.0}; NaN sorts after every other value and equals itself. */
  public static int compare(double a, double b) {
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    return a == b ? 0 : Double.compare(a, b);
  }

  /** By numeric value, so that {@code 1.0 = 1.00}. */
  public static int compare(BigDecimal a, BigDecimal b) {
    return a.compareTo(b);
  }

  /** By Unicode code point, which for UTF-16 means surrogate pairs sort after U+E000..U+FFFF. */
  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        return Integer.compare(codePointRank(ca), codePointRank(cb));
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /** False before true. */
  public static int compare(Boolean a, Boolean b) {
    return Boolean.compare(a, b);
  }

  /** Byte by byte, unsigned, a shorter prefix first. */
  public static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  public static int compare(LocalDate a, LocalDate b) {
    return a.compareTo(b);
  }

  public static int compare(LocalTime a, LocalTime b) {
    return a.compareTo(b);
  }

  public static int compare(Instant a, Instant b) {
    return a.compareTo(b);
  }

  /** Moves surrogates above the rest of the BMP, which makes UTF-16 order code point order. */
  private static int codePointRank(char c) {
    if (c >= Character.MIN_SURROGATE) {
      return c <= Character.MAX_SURROGATE ? c + 0x2000 : c - 0x800;
    }
    return c;
  }
}

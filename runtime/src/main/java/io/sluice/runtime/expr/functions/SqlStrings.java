package io.sluice.runtime.expr.functions;

import java.util.Locale;

/**
 * String functions. Positions and lengths count Java characters (UTF-16 units), as ksqlDB does,
 * and positions are 1-based as in SQL.
 */
public final class SqlStrings {

  /** TRIM sides, as the generated code passes them. */
  public static final int BOTH = 0;

  public static final int LEADING = 1;
  public static final int TRAILING = 2;

  private SqlStrings() {}

  /** The side constant for BOTH, LEADING or TRAILING in any case; -1 for anything else. */
  public static int trimSide(String side) {
    return switch (side.trim().toUpperCase(Locale.ROOT)) {
      case "BOTH" -> BOTH;
      case "LEADING" -> LEADING;
      case "TRAILING" -> TRAILING;
      default -> -1;
    };
  }

  /** The operand of ksqlDB's CONCAT, where null counts as the empty string. */
  public static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  public static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** SQL SUBSTRING(s FROM start): from {@code start} to the end; a start before 1 counts as 1. */
  public static String substring(String s, long start) {
    long from = Math.max(start, 1);
    return from > s.length() ? "" : s.substring((int) from - 1);
  }

  /**
   * SQL SUBSTRING(s FROM start FOR length): the characters at positions {@code start} to
   * {@code start + length - 1} that exist, which may be none.
   */
  public static String substring(String s, long start, long length) {
    if (length < 0) {
      throw new IllegalArgumentException("SUBSTRING length must not be negative, got " + length);
    }
    long from = Math.max(start, 1);
    long to = Math.min(start + length, s.length() + 1L);
    return to <= from ? "" : s.substring((int) from - 1, (int) to - 1);
  }

  /** Removes the characters in {@code characters} from one or both ends of {@code s}. */
  public static String trim(int side, String characters, String s) {
    int begin = 0;
    int end = s.length();
    if (side != TRAILING) {
      while (begin < end && characters.indexOf(s.charAt(begin)) >= 0) {
        begin++;
      }
    }
    if (side != LEADING) {
      while (end > begin && characters.indexOf(s.charAt(end - 1)) >= 0) {
        end--;
      }
    }
    return s.substring(begin, end);
  }

  public static Integer charLength(String s) {
    return s.length();
  }

  /** 1-based index of the first {@code needle} in {@code s}, 0 if absent; an empty needle is at 1. */
  public static Integer position(String needle, String s) {
    return s.indexOf(needle) + 1;
  }

  /** Replaces every {@code from} in {@code s}; an empty {@code from} changes nothing. */
  public static String replace(String s, String from, String to) {
    return from.isEmpty() ? s : s.replace(from, to);
  }
}

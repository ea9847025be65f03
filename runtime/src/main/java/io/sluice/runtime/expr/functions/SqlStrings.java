package io.sluice.runtime.expr.functions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * ksqlDB's REGEXP_EXTRACT: the first match of {@code regex} in {@code s}, or its capturing group
   * {@code group} (0 for the whole match); null when nothing matches or the group took no part.
   */
  public static String regexpExtract(String regex, String s, long group) {
    Matcher matcher = pattern(regex).matcher(s);
    if (!matcher.find()) {
      return null;
    }
    if (group < 0 || group > matcher.groupCount()) {
      throw new IllegalArgumentException("REGEXP_EXTRACT: the expression has no group " + group);
    }
    return matcher.group((int) group);
  }

  /** Flink's SPLIT_INDEX: the {@code index}-th (0-based) piece of {@code s} split at each {@code separator}; null past the end. */
  public static String splitIndex(String s, String separator, long index) {
    if (index < 0 || separator.isEmpty()) {
      return null;
    }
    int start = 0;
    for (long piece = 0; ; piece++) {
      int end = s.indexOf(separator, start);
      if (piece == index) {
        return end < 0 ? s.substring(start) : s.substring(start, end);
      }
      if (end < 0) {
        return null;
      }
      start = end + separator.length();
    }
  }

  /** COUNT_CHAR: how many times {@code text} occurs in {@code s}, without overlaps; 0 for an empty {@code text}. */
  public static Long countChar(String s, String text) {
    if (text.isEmpty()) {
      return 0L;
    }
    if (text.length() == 1) {
      char c = text.charAt(0);
      long count = 0;
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) == c) {
          count++;
        }
      }
      return count;
    }
    long count = 0;
    for (int at = s.indexOf(text); at >= 0; at = s.indexOf(text, at + text.length())) {
      count++;
    }
    return count;
  }

  /** FORMAT_TIMESTAMP: {@code timestamp} as text by a {@code java.time.format.DateTimeFormatter} pattern, in UTC. */
  public static String formatTimestamp(Instant timestamp, String pattern) {
    TimestampPattern compiled = timestampPattern(pattern);
    if (!compiled.sameAllDay()) {
      return compiled.formatter().format(timestamp);
    }
    // A pattern without time-of-day letters prints one text per UTC day (Nexmark's q17 formats
    // 'yyyy-MM-dd' for every bid), so the thread's last day is written once.
    long day = Math.floorDiv(timestamp.getEpochSecond(), SECONDS_PER_DAY);
    LastDay last = LAST_DAY.get();
    if (last.pattern != compiled || last.day != day) {
      last.pattern = compiled;
      last.day = day;
      last.text = compiled.formatter().format(timestamp);
    }
    return last.text;
  }

  /** A FORMAT_TIMESTAMP pattern compiled, and whether it prints the same text all through a UTC day. */
  private record TimestampPattern(DateTimeFormatter formatter, boolean sameAllDay) {}

  /** The last day a thread formatted with a pattern that prints the same text all day. */
  private static final class LastDay {
    private TimestampPattern pattern;
    private long day;
    private String text;
  }

  private static final long SECONDS_PER_DAY = 86_400;
  private static final ThreadLocal<LastDay> LAST_DAY = ThreadLocal.withInitial(LastDay::new);
  /** Pattern letters whose text changes within a day (am/pm, hours, minutes, seconds, fractions, day periods). */
  private static final String TIME_OF_DAY_LETTERS = "ahKkHmsSAnNB";

  /** True if {@code pattern} has no time-of-day letter outside quoted text. */
  static boolean printsSameAllDay(String pattern) {
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && TIME_OF_DAY_LETTERS.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Compiled regular expressions by text: queries use a few, compiled once each. */
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
  private static final Map<String, TimestampPattern> FORMATTERS = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 1000;

  private static Pattern pattern(String regex) {
    Pattern pattern = PATTERNS.get(regex);
    if (pattern == null) {
      pattern = Pattern.compile(regex);
      if (PATTERNS.size() >= MAX_CACHED) {
        PATTERNS.clear();
      }
      PATTERNS.put(regex, pattern);
    }
    return pattern;
  }

  private static TimestampPattern timestampPattern(String text) {
    TimestampPattern pattern = FORMATTERS.get(text);
    if (pattern == null) {
      pattern = new TimestampPattern(DateTimeFormatter.ofPattern(text, Locale.ROOT).withZone(ZoneOffset.UTC),
          printsSameAllDay(text));
      if (FORMATTERS.size() >= MAX_CACHED) {
        FORMATTERS.clear();
      }
      FORMATTERS.put(text, pattern);
    }
    return pattern;
  }
}

package io.sluice.runtime.types;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * The one text form of DATE, TIME and TIMESTAMP values that literals, CAST and JSON share.
 *
 * <p>Parsing accepts ISO-8601: {@code 2024-01-31}, {@code 13:45}, {@code 13:45:00.250}, and
 * {@code 2024-01-31T13:45:00.250} with an optional offset ({@code Z}, {@code +02:00}); a space may
 * stand for the {@code T}, a timestamp without an offset is UTC, and a date alone is its midnight.
 * Precision is cut to milliseconds. Formatting always writes milliseconds, as ksqlDB does:
 * {@code 13:45:00.000} and {@code 2024-01-31T13:45:00.000} (UTC, no offset).
 */
public final class TemporalText {

  private static final DateTimeFormatter TIMESTAMP_PARSER =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT);

  private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private static final DateTimeFormatter TIMESTAMP_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private TemporalText() {}

  /** Parses an ISO date; throws {@link DateTimeParseException} if it is not one. */
  public static LocalDate parseDate(String text) {
    return LocalDate.parse(text.trim());
  }

  /** Parses an ISO time of day, cut to milliseconds; throws {@link DateTimeParseException}. */
  public static LocalTime parseTime(String text) {
    return LocalTime.parse(text.trim()).truncatedTo(ChronoUnit.MILLIS);
  }

  /** Parses an ISO timestamp (UTC unless it names an offset), cut to milliseconds. */
  public static Instant parseTimestamp(String text) {
    Instant common = parseCommonTimestamp(text);
    if (common != null) {
      return common;
    }
    String iso = text.trim();
    if (iso.length() > 10 && iso.charAt(10) == ' ') {
      iso = iso.substring(0, 10) + 'T' + iso.substring(11);
    }
    TemporalAccessor parsed = TIMESTAMP_PARSER.parse(iso);
    LocalDate date = parsed.query(TemporalQueries.localDate());
    LocalTime time = parsed.query(TemporalQueries.localTime());
    ZoneOffset offset = parsed.query(TemporalQueries.offset());
    LocalDateTime local = LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time);
    return local.toInstant(offset == null ? ZoneOffset.UTC : offset).truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * The most frequent shape, {@code yyyy-MM-dd HH:mm:ss[.SSS][Z]} (or with a {@code T}), read
   * without the general parser, which costs far more per JSON record; null for any other shape or
   * an out-of-range field, which the general parser then judges.
   */
  private static Instant parseCommonTimestamp(String text) {
    int n = text.length();
    boolean zulu = n > 0 && text.charAt(n - 1) == 'Z';
    int length = zulu ? n - 1 : n;
    if ((length != 19 && length != 23) || text.charAt(4) != '-' || text.charAt(7) != '-'
        || (text.charAt(10) != ' ' && text.charAt(10) != 'T') || text.charAt(13) != ':' || text.charAt(16) != ':'
        || (length == 23 && text.charAt(19) != '.')) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int millis = length == 23 ? digits(text, 20, 23) : 0;
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochMilli(epochDay * 86_400_000L + hour * 3_600_000L + minute * 60_000L + second * 1000L + millis);
  }

  /** The decimal number in {@code text[from, to)}, or -1 if a character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  public static String format(LocalDate date) {
    return date.toString();
  }

  public static String format(LocalTime time) {
    return TIME_FORMAT.format(time);
  }

  public static String format(Instant timestamp) {
    return TIMESTAMP_FORMAT.format(timestamp);
  }

  /** Days since 1970-01-01, the JSON form of a DATE. */
  public static int epochDays(LocalDate date) {
    return Math.toIntExact(date.toEpochDay());
  }

  /** Milliseconds since midnight, the JSON form of a TIME. */
  public static int millisOfDay(LocalTime time) {
    return (int) (time.toNanoOfDay() / 1_000_000L);
  }

  /** The TIME that is {@code millis} after midnight; throws if it is outside one day. */
  public static LocalTime timeOfMillis(long millis) {
    if (millis < 0 || millis >= 86_400_000L) {
      throw new IllegalArgumentException(millis + " is not a time of day in milliseconds (0 to 86399999)");
    }
    return LocalTime.ofNanoOfDay(millis * 1_000_000L);
  }
}

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

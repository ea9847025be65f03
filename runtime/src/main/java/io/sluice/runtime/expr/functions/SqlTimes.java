package io.sluice.runtime.expr.functions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Set;

/** Date and time functions; TIMESTAMPs are read in UTC, as everywhere in Sluice. */
public final class SqlTimes {

  /** The units EXTRACT takes. */
  public static final Set<String> UNITS = Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DOW", "DOY", "HOUR",
      "MINUTE", "SECOND", "MILLISECOND");

  private SqlTimes() {}

  /** The field {@code unit} of a TIMESTAMP. */
  /** TIMESTAMP_PLUS: {@code timestamp} moved by {@code millis} milliseconds. */
  public static Instant plusMillis(Instant timestamp, Long millis) {
    return timestamp.plusMillis(millis);
  }

  public static long extract(String unit, Instant timestamp) {
    return extract(unit, LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC));
  }

  /** The field {@code unit} of a DATE (at midnight). */
  public static long extract(String unit, LocalDate date) {
    return extract(unit, date.atStartOfDay());
  }

  /** The field {@code unit} of a TIME (of no particular day: date units are refused). */
  public static long extract(String unit, LocalTime time) {
    return switch (unit.toUpperCase(Locale.ROOT)) {
      case "HOUR", "MINUTE", "SECOND", "MILLISECOND" -> extract(unit, time.atDate(LocalDate.EPOCH));
      default -> throw new IllegalArgumentException("EXTRACT(" + unit + ") needs a DATE or TIMESTAMP, not a TIME");
    };
  }

  private static long extract(String unit, LocalDateTime t) {
    return switch (unit.toUpperCase(Locale.ROOT)) {
      case "YEAR" -> t.getYear();
      case "QUARTER" -> t.get(IsoFields.QUARTER_OF_YEAR);
      case "MONTH" -> t.getMonthValue();
      case "WEEK" -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case "DAY" -> t.getDayOfMonth();
      // SQL's day of week: Sunday is 1, Saturday 7.
      case "DOW" -> t.getDayOfWeek().getValue() % 7 + 1;
      case "DOY" -> t.getDayOfYear();
      case "HOUR" -> t.getHour();
      case "MINUTE" -> t.getMinute();
      case "SECOND" -> t.getSecond();
      case "MILLISECOND" -> t.getSecond() * 1000L + t.get(ChronoField.MILLI_OF_SECOND);
      default -> throw new IllegalArgumentException("EXTRACT of " + unit + " is not supported");
    };
  }
}

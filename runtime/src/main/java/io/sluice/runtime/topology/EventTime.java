package io.sluice.runtime.topology;

import io.sluice.plan.Column;
import io.sluice.plan.RowSchema;
import io.sluice.plan.TimestampSpec;
import io.sluice.plan.TypeName;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.types.TemporalText;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Event time taken from a source column, per {@link TimestampSpec}: a BIGINT of epoch milliseconds,
 * a TIMESTAMP, or a STRING parsed with the spec's pattern in UTC (ISO-8601 when there is no
 * pattern; a pattern without a time of day gives midnight). A missing, negative or unparseable
 * time is an {@link IllegalArgumentException} whose message is the processing log reason.
 */
public final class EventTime {

  private final int column;
  private final String name;
  private final TypeName type;
  private final String pattern;
  private final DateTimeFormatter formatter;

  private EventTime(int column, Column spec, String pattern, DateTimeFormatter formatter) {
    this.column = column;
    this.name = spec.name();
    this.type = spec.type().name();
    this.pattern = pattern;
    this.formatter = formatter;
  }

  /** The event time of {@code spec} over rows of {@code schema}; refuses unusable columns and patterns. */
  public static EventTime of(TimestampSpec spec, RowSchema schema) {
    if (spec.columnIndex() < 0 || spec.columnIndex() >= schema.size()) {
      throw new UnsupportedPlanException("timestamp column #" + spec.columnIndex() + " does not exist");
    }
    Column column = schema.column(spec.columnIndex());
    TypeName type = column.type().name();
    if (type != TypeName.BIGINT && type != TypeName.TIMESTAMP && type != TypeName.STRING) {
      throw new UnsupportedPlanException(
          "timestamp column " + column.name() + " must be BIGINT, TIMESTAMP or STRING, not " + column.type().sql());
    }
    if (spec.format() != null && type != TypeName.STRING) {
      throw new UnsupportedPlanException(
          "TIMESTAMP_FORMAT applies to a STRING timestamp column, but " + column.name() + " is " + column.type().sql());
    }
    DateTimeFormatter formatter = null;
    if (spec.format() != null) {
      try {
        formatter = DateTimeFormatter.ofPattern(spec.format(), Locale.ROOT).withZone(ZoneOffset.UTC);
      } catch (IllegalArgumentException e) {
        throw new UnsupportedPlanException("invalid TIMESTAMP_FORMAT '" + spec.format() + "': " + e.getMessage(), e);
      }
    }
    return new EventTime(spec.columnIndex(), column, spec.format(), formatter);
  }

  /** The index of the timestamp column in the source row. */
  int column() {
    return column;
  }

  /** The event time in a row of the source. */
  public long millisOf(Object[] row) {
    return millis(row[column]);
  }

  /** The event time that the timestamp column's {@code value} denotes. */
  long millis(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("timestamp column " + name + " is missing or null");
    }
    long millis = switch (type) {
      case BIGINT -> (Long) value;
      case TIMESTAMP -> ((Instant) value).toEpochMilli();
      default -> parse((String) value);
    };
    if (millis < 0) {
      throw new IllegalArgumentException(
          "timestamp column " + name + " is before 1970, which Kafka cannot store: " + value);
    }
    return millis;
  }

  private long parse(String text) {
    try {
      if (formatter == null) {
        return TemporalText.parseTimestamp(text).toEpochMilli();
      }
      TemporalAccessor parsed = formatter.parseBest(text, ZonedDateTime::from, LocalDate::from);
      Instant instant = parsed instanceof ZonedDateTime zoned
          ? zoned.toInstant()
          : ((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant();
      return instant.toEpochMilli();
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "timestamp column " + name + ": cannot parse \"" + text + "\" "
              + (pattern == null ? "as ISO-8601" : "with pattern " + pattern));
    }
  }
}

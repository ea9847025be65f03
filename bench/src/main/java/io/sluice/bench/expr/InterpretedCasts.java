package io.sluice.bench.expr;

import io.sluice.plan.DataType;
import io.sluice.runtime.expr.functions.SqlCasts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * CAST and implicit conversions for {@link TreeWalkingInterpreter}: picks, per value, the
 * {@link SqlCasts} helper that the compiled code picks once per query from the static types.
 */
final class InterpretedCasts {

  private InterpretedCasts() {}

  /** {@code value} of type {@code from} as {@code to}; itself when the types agree, null for null. */
  static Object convert(Object value, DataType from, DataType to) {
    if (value == null || from.equals(to)) {
      return value;
    }
    return switch (to.name()) {
      case STRING -> string(value);
      case BOOLEAN -> SqlCasts.toBoolean((String) value);
      case INTEGER -> integer(value);
      case BIGINT -> bigint(value);
      case DOUBLE -> toDouble(value);
      case DECIMAL -> decimal(value, to.precision(), to.scale());
      case BYTES -> SqlCasts.toBytes((String) value);
      case DATE -> value instanceof Instant i ? SqlCasts.toDate(i) : SqlCasts.toDate((String) value);
      case TIME -> value instanceof Instant i ? SqlCasts.toTime(i) : SqlCasts.toTime((String) value);
      case TIMESTAMP -> timestamp(value);
      // The benchmark queries have no ARRAY or MAP columns, and the compiled code refuses such casts too.
      case ARRAY, MAP, STRUCT -> throw new IllegalArgumentException("cannot CAST " + from.sql() + " to " + to.sql());
    };
  }

  private static String string(Object value) {
    if (value instanceof BigDecimal d) {
      return SqlCasts.toStringValue(d);
    }
    if (value instanceof byte[] bytes) {
      return SqlCasts.toStringValue(bytes);
    }
    if (value instanceof LocalDate date) {
      return SqlCasts.toStringValue(date);
    }
    if (value instanceof LocalTime time) {
      return SqlCasts.toStringValue(time);
    }
    if (value instanceof Instant instant) {
      return SqlCasts.toStringValue(instant);
    }
    return value.toString();
  }

  private static Integer integer(Object value) {
    if (value instanceof Long l) {
      return SqlCasts.toInteger(l);
    }
    if (value instanceof Double d) {
      return SqlCasts.toInteger(d);
    }
    if (value instanceof BigDecimal d) {
      return SqlCasts.toInteger(d);
    }
    return SqlCasts.toInteger((String) value);
  }

  private static Long bigint(Object value) {
    if (value instanceof Integer i) {
      return SqlCasts.toBigint(i);
    }
    if (value instanceof Double d) {
      return SqlCasts.toBigint(d);
    }
    if (value instanceof BigDecimal d) {
      return SqlCasts.toBigint(d);
    }
    if (value instanceof Instant instant) {
      return SqlCasts.toBigint(instant);
    }
    return SqlCasts.toBigint((String) value);
  }

  private static Double toDouble(Object value) {
    if (value instanceof Integer i) {
      return SqlCasts.toDouble(i);
    }
    if (value instanceof Long l) {
      return SqlCasts.toDouble(l);
    }
    if (value instanceof BigDecimal d) {
      return SqlCasts.toDouble(d);
    }
    return SqlCasts.toDouble((String) value);
  }

  private static BigDecimal decimal(Object value, int precision, int scale) {
    if (value instanceof Integer i) {
      return SqlCasts.toDecimal(i, precision, scale);
    }
    if (value instanceof Long l) {
      return SqlCasts.toDecimal(l, precision, scale);
    }
    if (value instanceof Double d) {
      return SqlCasts.toDecimal(d, precision, scale);
    }
    if (value instanceof BigDecimal d) {
      return SqlCasts.toDecimal(d, precision, scale);
    }
    return SqlCasts.toDecimal((String) value, precision, scale);
  }

  private static Instant timestamp(Object value) {
    if (value instanceof LocalDate date) {
      return SqlCasts.toTimestamp(date);
    }
    if (value instanceof Long l) {
      return SqlCasts.toTimestamp(l);
    }
    return SqlCasts.toTimestamp((String) value);
  }
}

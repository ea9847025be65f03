package io.sluice.server.jdbc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Binds the values of a PreparedStatement's {@code ?} markers into its SQL text as typed literals,
 * so that the statement then runs like any other. Markers inside quoted strings, quoted
 * identifiers and comments are not parameters.
 */
final class ParameterBinder {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private ParameterBinder() {}

  /** The number of parameter markers in {@code sql}. */
  static int count(String sql) {
    int count = 0;
    for (int i = 0; i < sql.length(); i = next(sql, i)) {
      if (sql.charAt(i) == '?') {
        count++;
      }
    }
    return count;
  }

  /** {@code sql} with its markers replaced, in order, by the literals of {@code values}. */
  static String bind(String sql, List<TypedValue> values) {
    int markers = count(sql);
    int given = values == null ? 0 : values.size();
    if (markers != given) {
      throw new IllegalArgumentException("The statement has " + markers + " parameters but " + given + " were bound");
    }
    StringBuilder out = new StringBuilder(sql.length() + 16 * markers);
    int parameter = 0;
    for (int i = 0; i < sql.length(); ) {
      int end = next(sql, i);
      if (sql.charAt(i) == '?') {
        out.append(literal(values.get(parameter++), parameter));
      } else {
        out.append(sql, i, end);
      }
      i = end;
    }
    return out.toString();
  }

  /** The index after the token at {@code i}: a quoted run, a comment, or one character. */
  private static int next(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'' || c == '"' || c == '`') {
      int j = i + 1;
      while (j < sql.length()) {
        if (sql.charAt(j) == c) {
          if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
            j += 2;
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return sql.length();
    }
    if (c == '-' && sql.startsWith("--", i)) {
      int eol = sql.indexOf('\n', i);
      return eol < 0 ? sql.length() : eol + 1;
    }
    if (c == '/' && sql.startsWith("/*", i)) {
      int close = sql.indexOf("*/", i + 2);
      return close < 0 ? sql.length() : close + 2;
    }
    return i + 1;
  }

  private static String literal(TypedValue value, int position) {
    if (value == null || value.value == null) {
      return "NULL";
    }
    Object local = value.toLocal();
    return switch (value.type) {
      case STRING, CHARACTER, PRIMITIVE_CHAR -> "'" + String.valueOf(local).replace("'", "''") + "'";
      case BOOLEAN, PRIMITIVE_BOOLEAN -> ((Boolean) local) ? "TRUE" : "FALSE";
      case BYTE, SHORT, INTEGER, LONG, PRIMITIVE_BYTE, PRIMITIVE_SHORT, PRIMITIVE_INT, PRIMITIVE_LONG ->
          String.valueOf(((Number) local).longValue());
      case FLOAT, DOUBLE, PRIMITIVE_FLOAT, PRIMITIVE_DOUBLE -> approximate(((Number) local).doubleValue(), position);
      case NUMBER -> local instanceof BigDecimal decimal
          ? decimal.toPlainString() : new BigDecimal(local.toString()).toPlainString();
      case JAVA_SQL_DATE -> "DATE '" + LocalDate.ofEpochDay(((Number) local).longValue()) + "'";
      case JAVA_SQL_TIME -> "TIME '" + LocalTime.ofNanoOfDay(((Number) local).longValue() * 1_000_000L).format(TIME) + "'";
      case JAVA_SQL_TIMESTAMP, JAVA_UTIL_DATE -> "TIMESTAMP '"
          + LocalDateTime.ofEpochSecond(Math.floorDiv(((Number) local).longValue(), 1000L),
              (int) Math.floorMod(((Number) local).longValue(), 1000L) * 1_000_000, ZoneOffset.UTC).format(TIMESTAMP) + "'";
      case BYTE_STRING -> "X'" + HexFormat.of().formatHex(((ByteString) local).getBytes()) + "'";
      default -> throw new IllegalArgumentException(
          "Parameter " + position + " has type " + value.type + ", which Sluice cannot bind");
    };
  }

  private static String approximate(double value, int position) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Parameter " + position + " is " + value + ", which SQL cannot write");
    }
    String text = Double.toString(value);
    // 1.5 would be a DECIMAL literal; the exponent keeps the parameter a DOUBLE.
    return text.contains("E") ? text : text + "E0";
  }
}

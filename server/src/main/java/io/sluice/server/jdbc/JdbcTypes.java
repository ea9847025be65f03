package io.sluice.server.jdbc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.server.rest.Json;
import io.sluice.server.results.ResultJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;

/**
 * How Sluice's SQL types look through JDBC: their {@code java.sql.Types} code, name and size, and
 * each value in the representation Avatica sends in a frame (DATE as days since the epoch, TIME
 * as milliseconds of the day, TIMESTAMP as milliseconds since the epoch in UTC). MAP and STRUCT
 * values travel as the text of the JSON object the REST API shows for them.
 */
final class JdbcTypes {

  private JdbcTypes() {}

  static int sqlType(DataType type) {
    return switch (type.name()) {
      case BOOLEAN -> Types.BOOLEAN;
      case INTEGER -> Types.INTEGER;
      case BIGINT -> Types.BIGINT;
      case DOUBLE -> Types.DOUBLE;
      case DECIMAL -> Types.DECIMAL;
      case STRING, MAP, STRUCT -> Types.VARCHAR;
      case BYTES -> Types.VARBINARY;
      case DATE -> Types.DATE;
      case TIME -> Types.TIME;
      case TIMESTAMP -> Types.TIMESTAMP;
      case ARRAY -> Types.ARRAY;
    };
  }

  /** The type's name as Sluice's SQL spells it, without DECIMAL's precision and scale. */
  static String typeName(DataType type) {
    return switch (type.name()) {
      case DECIMAL -> "DECIMAL";
      case STRING -> "VARCHAR";
      case BYTES -> "VARBINARY";
      default -> type.sql();
    };
  }

  /** COLUMN_SIZE: the precision of numbers, the display length of dates and times; null when unbounded. */
  static Integer columnSize(DataType type) {
    return switch (type.name()) {
      case BOOLEAN -> 1;
      case INTEGER -> 10;
      case BIGINT -> 19;
      case DOUBLE -> 15;
      case DECIMAL -> type.precision();
      case DATE -> 10;
      case TIME -> 12;
      case TIMESTAMP -> 23;
      default -> null;
    };
  }

  /** DECIMAL_DIGITS: the scale of DECIMAL, the fractional-second digits of TIME and TIMESTAMP. */
  static Integer decimalDigits(DataType type) {
    return switch (type.name()) {
      case INTEGER, BIGINT -> 0;
      case DECIMAL -> type.scale();
      case TIME, TIMESTAMP -> 3;
      default -> null;
    };
  }

  static Integer radix(DataType type) {
    return type.isNumeric() ? 10 : null;
  }

  static ColumnMetaData.AvaticaType avaticaType(DataType type) {
    return switch (type.name()) {
      case BOOLEAN -> scalar(type, ColumnMetaData.Rep.BOOLEAN);
      case INTEGER -> scalar(type, ColumnMetaData.Rep.INTEGER);
      case BIGINT -> scalar(type, ColumnMetaData.Rep.LONG);
      case DOUBLE -> scalar(type, ColumnMetaData.Rep.DOUBLE);
      case DECIMAL -> scalar(type, ColumnMetaData.Rep.NUMBER);
      case STRING, MAP, STRUCT -> scalar(type, ColumnMetaData.Rep.STRING);
      case BYTES -> scalar(type, ColumnMetaData.Rep.BYTE_STRING);
      case DATE, TIME -> scalar(type, ColumnMetaData.Rep.INTEGER);
      case TIMESTAMP -> scalar(type, ColumnMetaData.Rep.LONG);
      case ARRAY -> ColumnMetaData.array(avaticaType(type.element()), typeName(type), ColumnMetaData.Rep.ARRAY);
    };
  }

  private static ColumnMetaData.ScalarType scalar(DataType type, ColumnMetaData.Rep rep) {
    return ColumnMetaData.scalar(sqlType(type), typeName(type), rep);
  }

  /** The metadata of result column {@code ordinal} (0-based). */
  static ColumnMetaData column(int ordinal, Column column) {
    DataType type = column.type();
    Integer size = columnSize(type);
    Integer digits = decimalDigits(type);
    return new ColumnMetaData(ordinal, false, true, false, false, DatabaseMetaData.columnNullable,
        type.isNumeric(), size == null ? 64 : size + 2, column.name(), column.name(), null,
        size == null ? 0 : size, digits == null ? 0 : digits, null, null, avaticaType(type),
        true, false, false, className(type));
  }

  private static String className(DataType type) {
    return switch (type.name()) {
      case DATE -> java.sql.Date.class.getName();
      case TIME -> java.sql.Time.class.getName();
      case TIMESTAMP -> java.sql.Timestamp.class.getName();
      case ARRAY -> java.sql.Array.class.getName();
      case MAP, STRUCT -> String.class.getName();
      default -> type.javaClass().getName();
    };
  }

  /** A runtime value (of {@code type}'s Java class) as Avatica carries it in a frame. */
  static Object toWire(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    return switch (type.name()) {
      case DATE -> (int) ((LocalDate) value).toEpochDay();
      case TIME -> (int) (((LocalTime) value).toNanoOfDay() / 1_000_000L);
      case TIMESTAMP -> ((Instant) value).toEpochMilli();
      case MAP -> json(value);
      case STRUCT -> structJson(value, type);
      case ARRAY -> {
        List<Object> out = new ArrayList<>();
        for (Object element : (List<?>) value) {
          out.add(toWire(element, type.element()));
        }
        yield out;
      }
      default -> value;
    };
  }

  private static String structJson(Object value, DataType type) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
      ResultJson.writeValue(g, value, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}

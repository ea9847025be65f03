package io.sluice.runtime.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.plan.DataType;
import io.sluice.plan.StructValue;
import io.sluice.runtime.types.DecimalValues;
import io.sluice.runtime.types.TemporalText;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one column's value from the JSON token a parser stands on, in ksqlDB's JSON encodings:
 * DECIMAL from a number or numeric string, BYTES from base64, DATE from epoch days or ISO text,
 * TIME from milliseconds of day or ISO text, TIMESTAMP from epoch milliseconds or ISO text.
 * INTEGER and BIGINT take integral JSON numbers only; STRING takes any JSON value, non-strings as
 * their JSON text. ARRAY reads a JSON array and MAP a JSON object, element by element; STRUCT reads
 * a JSON object, its members matched to fields as top-level columns are. A STRUCT reader built for
 * some fields only ({@link ValueUse}) skips the others' members unread, leaving them null.
 */
final class JsonColumnReader {

  private static final int SHOWN_CHARS = 40;

  private final DataType type;
  /** How an error names the value, e.g. {@code field PRICE}. */
  private final String where;
  /** A STRUCT's fields' readers, or an ARRAY's or MAP's element reader; else null. */
  private final JsonColumnReader[] children;
  /** A STRUCT's field names as declared; else null. */
  private final String[] fieldNames;
  /**
   * Per STRUCT field, the member name a record last spelled it with, such as {@code emailAddress}
   * for EMAILADDRESS. Jackson hands out one String instance per distinct name, so a reference
   * comparison finds the field without comparing characters. Threads may race on an entry; any
   * value they write is a correct spelling.
   */
  private final String[] spellings;

  private JsonColumnReader(DataType type, String where, ValueUse use) {
    this.type = type;
    this.where = where;
    switch (type.name()) {
      case STRUCT -> {
        List<DataType.Field> fields = type.fields();
        children = new JsonColumnReader[fields.size()];
        fieldNames = new String[fields.size()];
        for (int i = 0; i < children.length; i++) {
          fieldNames[i] = fields.get(i).name();
          ValueUse fieldUse = use.isWhole() ? ValueUse.WHOLE : use.fieldUse(i);
          // The field's name alone, and the path only on error: no string building per field read.
          children[i] = fieldUse == null ? null : new JsonColumnReader(fields.get(i).type(), fieldNames[i], fieldUse);
        }
        spellings = new String[fields.size()];
      }
      case ARRAY -> {
        children = new JsonColumnReader[] {new JsonColumnReader(type.element(), where + " element", ValueUse.WHOLE)};
        fieldNames = null;
        spellings = null;
      }
      case MAP -> {
        children = new JsonColumnReader[] {new JsonColumnReader(type.element(), where + " entry", ValueUse.WHOLE)};
        fieldNames = null;
        spellings = null;
      }
      default -> {
        children = null;
        fieldNames = null;
        spellings = null;
      }
    }
  }

  /**
   * The reader of {@code type}'s values, built once per column.
   *
   * @param where how the reason names the column, e.g. {@code field PRICE}
   */
  static JsonColumnReader of(DataType type, String where) {
    return new JsonColumnReader(type, where, ValueUse.WHOLE);
  }

  /**
   * The reader of the parts of {@code type}'s values that {@code use} names; the STRUCT fields it
   * leaves out are skipped and read as null.
   */
  static JsonColumnReader of(DataType type, String where, ValueUse use) {
    return new JsonColumnReader(type, where, use);
  }

  /** The value at the parser's current token, consuming it (and its children). */
  Object read(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    return switch (type.name()) {
      case BOOLEAN -> readBoolean(p, token, where);
      case INTEGER -> readInteger(p, token, where);
      case BIGINT -> readBigint(p, token, where);
      case DOUBLE -> readDouble(p, token, where);
      case DECIMAL -> readDecimal(p, token, type, where);
      case STRING -> readString(p, token);
      case BYTES -> readBytes(p, token, where);
      case DATE -> readDate(p, token, where);
      case TIME -> readTime(p, token, where);
      case TIMESTAMP -> readTimestamp(p, token, where);
      case ARRAY -> readArray(p, token);
      case MAP -> readMap(p, token);
      case STRUCT -> readStruct(p, token);
    };
  }

  /**
   * A JSON object as a STRUCT: members match fields exactly, else case-insensitively; missing
   * fields are null and extra members skipped, as are the members of fields this reader does not
   * read. Members usually come in field order, so the field after the last one matched is tried
   * first.
   */
  private StructValue readStruct(JsonParser p, JsonToken token) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      throw mismatch(p, where, "an object");
    }
    Object[] values = new Object[children.length];
    int next = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int index = fieldOf(p.currentName(), next);
      p.nextToken();
      if (index < 0 || children[index] == null) {
        p.skipChildren();
      } else {
        try {
          values[index] = children[index].read(p);
        } catch (RecordFormatException e) {
          throw new RecordFormatException(where + "->" + e.getMessage());
        }
      }
      if (index >= 0) {
        next = index + 1;
      }
    }
    return StructValue.wrap(values);
  }

  private int fieldOf(String member, int next) {
    int n = fieldNames.length;
    if (next < n && spellings[next] == member) {
      return next;
    }
    int index = matchField(member, next);
    if (index >= 0) {
      spellings[index] = member;
    }
    return index;
  }

  private int matchField(String member, int next) {
    int n = fieldNames.length;
    for (int i = 0; i < n; i++) {
      if (fieldNames[i].equals(member)) {
        return i;
      }
    }
    // Fields mostly come in declaration order, named in another case (`auction` for AUCTION): try
    // the expected one before comparing every name case-insensitively.
    if (next < n && fieldNames[next].equalsIgnoreCase(member)) {
      return next;
    }
    for (int i = 0; i < n; i++) {
      if (fieldNames[i].equalsIgnoreCase(member)) {
        return i;
      }
    }
    return -1;
  }

  private List<Object> readArray(JsonParser p, JsonToken token) throws IOException {
    if (token != JsonToken.START_ARRAY) {
      throw mismatch(p, where, "an array");
    }
    List<Object> elements = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      elements.add(children[0].read(p));
    }
    return elements;
  }

  private Map<String, Object> readMap(JsonParser p, JsonToken token) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      throw mismatch(p, where, "an object");
    }
    Map<String, Object> entries = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      try {
        entries.put(name, children[0].read(p));
      } catch (RecordFormatException e) {
        // The entry reader names the value "<where> entry"; the key is added only on error.
        String entry = children[0].where;
        throw new RecordFormatException(entry + " " + name + e.getMessage().substring(entry.length()));
      }
    }
    return entries;
  }

  private static Boolean readBoolean(JsonParser p, JsonToken token, String where) throws IOException {
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    throw mismatch(p, where, "true or false");
  }

  private static Integer readInteger(JsonParser p, JsonToken token, String where) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.INT) {
        return p.getIntValue();
      }
      throw mismatch(p, where, "an INTEGER (32 bits)");
    }
    throw mismatch(p, where, "an integer");
  }

  private static Long readBigint(JsonParser p, JsonToken token, String where) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        return p.getLongValue();
      }
      throw mismatch(p, where, "a BIGINT (64 bits)");
    }
    throw mismatch(p, where, "an integer");
  }

  private static Double readDouble(JsonParser p, JsonToken token, String where) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDoubleValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      // Jackson writes non-finite doubles as these strings, so they must read back.
      switch (p.getText()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw mismatch(p, where, "a number");
  }

  private static BigDecimal readDecimal(JsonParser p, JsonToken token, DataType type, String where)
      throws IOException {
    BigDecimal value;
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      value = p.getDecimalValue();
    } else if (token == JsonToken.VALUE_STRING) {
      try {
        value = new BigDecimal(p.getText().trim());
      } catch (NumberFormatException e) {
        throw mismatch(p, where, "a number");
      }
    } else {
      throw mismatch(p, where, "a number");
    }
    try {
      return DecimalValues.fit(value, type.precision(), type.scale());
    } catch (ArithmeticException e) {
      throw new RecordFormatException(where + ": " + e.getMessage());
    }
  }

  private static String readString(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      return JsonText.MAPPER.writeValueAsString(p.readValueAsTree());
    }
    return p.getText();
  }

  private static byte[] readBytes(JsonParser p, JsonToken token, String where) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      try {
        return Base64.getDecoder().decode(p.getText());
      } catch (IllegalArgumentException e) {
        throw mismatch(p, where, "base64 text");
      }
    }
    throw mismatch(p, where, "base64 text");
  }

  private static LocalDate readDate(JsonParser p, JsonToken token, String where) throws IOException {
    try {
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return LocalDate.ofEpochDay(p.getLongValue());
      }
      if (token == JsonToken.VALUE_STRING) {
        return TemporalText.parseDate(p.getText());
      }
    } catch (DateTimeException e) {
      throw mismatch(p, where, "a date (days since 1970-01-01 or yyyy-MM-dd)");
    }
    throw mismatch(p, where, "a date (days since 1970-01-01 or yyyy-MM-dd)");
  }

  private static LocalTime readTime(JsonParser p, JsonToken token, String where) throws IOException {
    try {
      if (token == JsonToken.VALUE_NUMBER_INT) {
        return TemporalText.timeOfMillis(p.getLongValue());
      }
      if (token == JsonToken.VALUE_STRING) {
        return TemporalText.parseTime(p.getText());
      }
    } catch (DateTimeException | IllegalArgumentException e) {
      throw mismatch(p, where, "a time (milliseconds of the day or HH:mm:ss.SSS)");
    }
    throw mismatch(p, where, "a time (milliseconds of the day or HH:mm:ss.SSS)");
  }

  private static Instant readTimestamp(JsonParser p, JsonToken token, String where) throws IOException {
    try {
      if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        return Instant.ofEpochMilli(p.getLongValue());
      }
      if (token == JsonToken.VALUE_STRING) {
        return TemporalText.parseTimestamp(p.getText());
      }
    } catch (DateTimeException e) {
      throw mismatch(p, where, "a timestamp (epoch milliseconds or ISO-8601)");
    }
    throw mismatch(p, where, "a timestamp (epoch milliseconds or ISO-8601)");
  }

  private static RecordFormatException mismatch(JsonParser p, String where, String expected)
      throws IOException {
    return new RecordFormatException(where + ": expected " + expected + ", got " + shown(p));
  }

  /** The offending token as the reason shows it: strings quoted and cut, containers by kind. */
  private static String shown(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return "an object";
    }
    if (token == JsonToken.START_ARRAY) {
      return "an array";
    }
    String text = p.getText();
    if (text.length() > SHOWN_CHARS) {
      text = text.substring(0, SHOWN_CHARS) + "...";
    }
    return token == JsonToken.VALUE_STRING ? '"' + text + '"' : text;
  }
}

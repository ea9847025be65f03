package io.sluice.runtime.serde;

import io.sluice.plan.DataType;
import io.sluice.plan.StructValue;
import io.sluice.runtime.types.TemporalText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes the values of one column type in ksqlDB's JSON encodings, compiled once per column:
 * DECIMAL as a plain number, BYTES as base64, DATE as epoch days, TIME as milliseconds of the day,
 * TIMESTAMP as epoch milliseconds, ARRAY as a JSON array, MAP as a JSON object and STRUCT as a JSON
 * object with a member per field, named as declared (the names' bytes are encoded here, not per
 * record).
 */
final class JsonValueWriter {

  private final DataType type;
  private final Class<?> javaClass;
  /** How an error names the value, e.g. {@code field PRICE}. */
  private final String where;
  /** A STRUCT's members' {@code "name":}, after a comma for all but the first; else null. */
  private final byte[][] memberPrefixes;
  /** A STRUCT's fields' writers, or an ARRAY's or MAP's element writer; else null. */
  private final JsonValueWriter[] children;

  private JsonValueWriter(DataType type, String where) {
    this.type = type;
    this.javaClass = type.javaClass();
    this.where = where;
    switch (type.name()) {
      case STRUCT -> {
        List<DataType.Field> fields = type.fields();
        memberPrefixes = new byte[fields.size()][];
        children = new JsonValueWriter[fields.size()];
        for (int i = 0; i < children.length; i++) {
          DataType.Field field = fields.get(i);
          memberPrefixes[i] = memberPrefix(field.name(), i > 0);
          children[i] = new JsonValueWriter(field.type(), field.name());
        }
      }
      case ARRAY, MAP -> {
        memberPrefixes = null;
        children = new JsonValueWriter[] {new JsonValueWriter(type.element(), where)};
      }
      default -> {
        memberPrefixes = null;
        children = null;
      }
    }
  }

  /** The writer of {@code type}'s values; {@code where} is how errors name them. */
  static JsonValueWriter of(DataType type, String where) {
    return new JsonValueWriter(type, where);
  }

  /**
   * Writes {@code value}, null or of the type's Java class.
   *
   * @throws RecordFormatException if the value is of another class
   */
  void write(JsonOutput out, Object value) {
    if (value == null) {
      out.nullValue();
      return;
    }
    if (!javaClass.isInstance(value)) {
      throw new RecordFormatException(
          where + ": expected a " + type.sql() + " value, not " + value.getClass().getSimpleName());
    }
    switch (type.name()) {
      case BOOLEAN -> out.bool((Boolean) value);
      case INTEGER -> out.number((int) (Integer) value);
      case BIGINT -> out.number((long) (Long) value);
      case DOUBLE -> out.number((double) (Double) value);
      case DECIMAL -> out.ascii(((BigDecimal) value).toPlainString());
      case STRING -> out.string((String) value);
      case BYTES -> out.string(Base64.getEncoder().encodeToString((byte[]) value));
      case DATE -> out.number(TemporalText.epochDays((LocalDate) value));
      case TIME -> out.number(TemporalText.millisOfDay((LocalTime) value));
      case TIMESTAMP -> out.number(((Instant) value).toEpochMilli());
      case ARRAY -> writeArray(out, (List<?>) value);
      case MAP -> writeMap(out, (Map<?, ?>) value);
      case STRUCT -> writeStruct(out, (StructValue) value);
    }
  }

  private void writeStruct(JsonOutput out, StructValue struct) {
    out.raw((byte) '{');
    for (int i = 0; i < children.length; i++) {
      out.raw(memberPrefixes[i]);
      try {
        children[i].write(out, struct.get(i));
      } catch (RecordFormatException e) {
        throw new RecordFormatException(where + "->" + e.getMessage());
      }
    }
    out.raw((byte) '}');
  }

  private void writeArray(JsonOutput out, List<?> elements) {
    out.raw((byte) '[');
    boolean first = true;
    for (Object element : elements) {
      if (!first) {
        out.raw((byte) ',');
      }
      first = false;
      children[0].write(out, element);
    }
    out.raw((byte) ']');
  }

  private void writeMap(JsonOutput out, Map<?, ?> entries) {
    out.raw((byte) '{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      if (!first) {
        out.raw((byte) ',');
      }
      first = false;
      out.string(String.valueOf(entry.getKey()));
      out.raw((byte) ':');
      children[0].write(out, entry.getValue());
    }
    out.raw((byte) '}');
  }

  /** The bytes of an object member's name and colon, {@code "name":}, after a comma if {@code notFirst}. */
  static byte[] memberPrefix(String name, boolean notFirst) {
    byte[] quoted = JsonOutput.quoted(name);
    int offset = notFirst ? 1 : 0;
    byte[] prefix = new byte[offset + quoted.length + 1];
    if (notFirst) {
      prefix[0] = ',';
    }
    System.arraycopy(quoted, 0, prefix, offset, quoted.length);
    prefix[prefix.length - 1] = ':';
    return prefix;
  }
}

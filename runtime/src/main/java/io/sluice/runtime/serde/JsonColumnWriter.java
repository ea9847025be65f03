package io.sluice.runtime.serde;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.plan.DataType;
import io.sluice.plan.StructValue;
import io.sluice.runtime.types.TemporalText;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes one column's value in ksqlDB's JSON encodings: DECIMAL as a plain number, BYTES as base64,
 * DATE as epoch days, TIME as milliseconds of the day, TIMESTAMP as epoch milliseconds, ARRAY as
 * a JSON array, MAP as a JSON object and STRUCT as a JSON object with a member per field, named as
 * declared.
 */
final class JsonColumnWriter {

  private JsonColumnWriter() {}

  /**
   * Writes {@code value}, which must be of the type's Java class.
   *
   * @param where how an error names the column, e.g. {@code field PRICE}
   */
  static void write(JsonGenerator g, Object value, DataType type, String where) throws IOException {
    if (value == null) {
      g.writeNull();
      return;
    }
    if (!type.javaClass().isInstance(value)) {
      throw new RecordFormatException(
          where + ": expected a " + type.sql() + " value, not " + value.getClass().getSimpleName());
    }
    switch (type.name()) {
      case BOOLEAN -> g.writeBoolean((Boolean) value);
      case INTEGER -> g.writeNumber((Integer) value);
      case BIGINT -> g.writeNumber((Long) value);
      case DOUBLE -> g.writeNumber((Double) value);
      case DECIMAL -> g.writeNumber((BigDecimal) value);
      case STRING -> g.writeString((String) value);
      case BYTES -> g.writeString(Base64.getEncoder().encodeToString((byte[]) value));
      case DATE -> g.writeNumber(TemporalText.epochDays((LocalDate) value));
      case TIME -> g.writeNumber(TemporalText.millisOfDay((LocalTime) value));
      case TIMESTAMP -> g.writeNumber(((Instant) value).toEpochMilli());
      case ARRAY -> writeArray(g, (List<?>) value, type, where);
      case MAP -> writeMap(g, (Map<?, ?>) value, type, where);
      case STRUCT -> writeStruct(g, (StructValue) value, type, where);
    }
  }

  private static void writeStruct(JsonGenerator g, StructValue struct, DataType type, String where)
      throws IOException {
    g.writeStartObject();
    List<DataType.Field> fields = type.fields();
    for (int i = 0; i < fields.size(); i++) {
      DataType.Field field = fields.get(i);
      g.writeFieldName(field.name());
      try {
        write(g, struct.get(i), field.type(), field.name());
      } catch (RecordFormatException e) {
        throw new RecordFormatException(where + "->" + e.getMessage());
      }
    }
    g.writeEndObject();
  }

  private static void writeArray(JsonGenerator g, List<?> elements, DataType type, String where) throws IOException {
    g.writeStartArray();
    for (Object element : elements) {
      write(g, element, type.element(), where);
    }
    g.writeEndArray();
  }

  private static void writeMap(JsonGenerator g, Map<?, ?> entries, DataType type, String where) throws IOException {
    g.writeStartObject();
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      g.writeFieldName(String.valueOf(entry.getKey()));
      write(g, entry.getValue(), type.element(), where);
    }
    g.writeEndObject();
  }
}

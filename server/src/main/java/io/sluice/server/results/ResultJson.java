package io.sluice.server.results;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
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
import java.util.stream.Collectors;

/**
 * Query result values and schemas as ksqlDB's REST API writes them: numbers (DECIMAL too) as JSON
 * numbers, BYTES as base64, DATE, TIME and TIMESTAMP as ISO text ({@code 2024-01-31},
 * {@code 13:45:00.250}, {@code 2024-01-31T13:45:00.250}, UTC), ARRAY as arrays, MAP as objects;
 * types by their ksqlDB names ({@code BIGINT}, {@code DECIMAL(10, 2)}, {@code ARRAY<STRING>}).
 */
public final class ResultJson {

  private ResultJson() {}

  /** One row as a JSON array of its column values. */
  public static void writeRow(JsonGenerator g, Object[] row, RowSchema schema) throws IOException {
    g.writeStartArray();
    for (int i = 0; i < schema.size(); i++) {
      writeValue(g, row[i], schema.column(i).type());
    }
    g.writeEndArray();
  }

  /** One value of type {@code type}. */
  public static void writeValue(JsonGenerator g, Object value, DataType type) throws IOException {
    if (value == null) {
      g.writeNull();
      return;
    }
    switch (type.name()) {
      case BOOLEAN -> g.writeBoolean((Boolean) value);
      case INTEGER -> g.writeNumber((Integer) value);
      case BIGINT -> g.writeNumber((Long) value);
      case DOUBLE -> g.writeNumber((Double) value);
      // Plain text, never 1E+3: clients read the number as written.
      case DECIMAL -> g.writeNumber(((BigDecimal) value).toPlainString());
      case STRING -> g.writeString((String) value);
      case BYTES -> g.writeString(Base64.getEncoder().encodeToString((byte[]) value));
      case DATE -> g.writeString(TemporalText.format((LocalDate) value));
      case TIME -> g.writeString(TemporalText.format((LocalTime) value));
      case TIMESTAMP -> g.writeString(TemporalText.format((Instant) value));
      case ARRAY -> {
        g.writeStartArray();
        for (Object element : (List<?>) value) {
          writeValue(g, element, type.element());
        }
        g.writeEndArray();
      }
      case MAP -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          g.writeFieldName(String.valueOf(entry.getKey()));
          writeValue(g, entry.getValue(), type.element());
        }
        g.writeEndObject();
      }
      case STRUCT -> {
        g.writeStartObject();
        StructValue struct = (StructValue) value;
        for (int i = 0; i < type.fields().size(); i++) {
          DataType.Field field = type.fields().get(i);
          g.writeFieldName(field.name());
          writeValue(g, struct.get(i), field.type());
        }
        g.writeEndObject();
      }
    }
  }

  /** One row as ksqlDB's {@code /query} and WebSocket items carry it: {@code {"row":{"columns":[...]}}}, marked as a tombstone for a deletion. */
  static void writeRowItem(JsonGenerator g, QueryResults results, Object[] row) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("row");
    g.writeFieldName("columns");
    writeRow(g, row, results.schema());
    if (results.isDeletion(row)) {
      g.writeBooleanField("tombstone", true);
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** The schema as {@code /query}'s header gives it: {@code `ID` STRING KEY, `COUNT` BIGINT}. */
  public static String schemaText(RowSchema schema) {
    return schema.columns().stream()
        .map(c -> "`" + c.name() + "` " + c.type().sql() + (c.kind() == ColumnKind.KEY ? " KEY" : ""))
        .collect(Collectors.joining(", "));
  }

  /** The column names, in order. */
  public static List<String> columnNames(RowSchema schema) {
    return schema.columns().stream().map(Column::name).toList();
  }

  /** The column types by their ksqlDB names, in order. */
  public static List<String> columnTypes(RowSchema schema) {
    return schema.columns().stream().map(c -> c.type().sql()).toList();
  }
}

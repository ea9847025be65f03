package io.sluice.server.results;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.server.rest.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The text frames of ksqlDB's {@code /ws/query} WebSocket: first the schema, a JSON array of
 * {@code {"name":...,"schema":{"type":...,"fields":null,"memberSchema":...}}} (DECIMAL adds
 * {@code "parameters":{"precision":p,"scale":s}}, a STRUCT lists its fields, each a name and a schema), then one {@code {"row":{"columns":[...]}}} per row,
 * with {@code "tombstone":true} for a deletion.
 */
public final class WebSocketFormat {

  private WebSocketFormat() {}

  public static String schemaFrame(QueryResults results) {
    return write(g -> {
      g.writeStartArray();
      for (Column column : results.schema().columns()) {
        g.writeStartObject();
        g.writeStringField("name", column.name());
        g.writeFieldName("schema");
        writeType(g, column.type());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  public static String rowFrame(QueryResults results, Object[] row) {
    return write(g -> ResultJson.writeRowItem(g, results, row));
  }

  private static void writeType(JsonGenerator g, DataType type) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", type.name().name());
    if (type.name() == TypeName.STRUCT) {
      g.writeArrayFieldStart("fields");
      for (DataType.Field field : type.fields()) {
        g.writeStartObject();
        g.writeStringField("name", field.name());
        g.writeFieldName("schema");
        writeType(g, field.type());
        g.writeEndObject();
      }
      g.writeEndArray();
    } else {
      g.writeNullField("fields");
    }
    g.writeFieldName("memberSchema");
    if (type.element() == null) {
      g.writeNull();
    } else {
      writeType(g, type.element());
    }
    if (type.name() == TypeName.DECIMAL) {
      g.writeObjectFieldStart("parameters");
      g.writeNumberField("precision", type.precision());
      g.writeNumberField("scale", type.scale());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private interface Writing {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Writing writing) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
      writing.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

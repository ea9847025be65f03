package io.sluice.server.results;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.server.rest.ErrorMessage;
import io.sluice.server.rest.Json;
import java.io.IOException;

/**
 * ksqlDB's {@code POST /query} response: one JSON array, written as it goes, of
 * {@code {"header":{"queryId":...,"schema":...}}}, then {@code {"row":{"columns":[...]}}} per row
 * ({@code "tombstone":true} added for a deletion), then {@code {"finalMessage":...}} or
 * {@code {"errorMessage":{...}}} if there is one. Each item is a line of its own (the comma that
 * separates items starts the next line). Idle, it writes a newline, which JSON ignores.
 */
public final class QueryFormat implements ResultFormat {

  @Override
  public String contentType() {
    return "application/json";
  }

  @Override
  public void header(JsonGenerator g, QueryResults results) throws IOException {
    g.writeRaw('[');
    g.writeStartObject();
    g.writeObjectFieldStart("header");
    g.writeStringField("queryId", results.queryId());
    g.writeStringField("schema", ResultJson.schemaText(results.schema()));
    g.writeEndObject();
    g.writeEndObject();
    g.writeRaw('\n');
  }

  /** Each item ends its line and the comma starts the next, so a line reader gets each row at once. */
  @Override
  public void row(JsonGenerator g, QueryResults results, Object[] row, long index) throws IOException {
    g.writeRaw(',');
    ResultJson.writeRowItem(g, results, row);
    g.writeRaw('\n');
  }

  @Override
  public void end(JsonGenerator g, QueryResults results, long rows) throws IOException {
    if (results.failure() != null) {
      g.writeRaw(',');
      g.writeStartObject();
      g.writeFieldName("errorMessage");
      Json.mapper().writeValue(g, ErrorMessage.generic(500, results.failure()));
      g.writeEndObject();
      g.writeRaw('\n');
    } else if (results.finalMessage() != null) {
      g.writeRaw(',');
      g.writeStartObject();
      g.writeStringField("finalMessage", results.finalMessage());
      g.writeEndObject();
      g.writeRaw('\n');
    }
    g.writeRaw("]\n");
  }

  @Override
  public String keepAlive() {
    return "\n";
  }
}

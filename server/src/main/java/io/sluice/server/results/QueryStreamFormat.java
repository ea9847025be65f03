package io.sluice.server.results;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.server.rest.ErrorMessage;
import io.sluice.server.rest.Json;
import java.io.IOException;

/**
 * ksqlDB's {@code POST /query-stream} response. Delimited ({@code application/vnd.ksqlapi.delimited.v1},
 * the default): a header line {@code {"queryId":...,"columnNames":[...],"columnTypes":[...]}}, then
 * one JSON array per row per line, and an error object as the last line if the query failed. As
 * {@code application/json}: the same items as one JSON array.
 */
public final class QueryStreamFormat implements ResultFormat {

  public static final String DELIMITED = "application/vnd.ksqlapi.delimited.v1";

  private final boolean jsonArray;

  /** @param jsonArray true for {@code application/json}, false for the delimited form */
  public QueryStreamFormat(boolean jsonArray) {
    this.jsonArray = jsonArray;
  }

  @Override
  public String contentType() {
    return jsonArray ? "application/json" : DELIMITED;
  }

  @Override
  public void header(JsonGenerator g, QueryResults results) throws IOException {
    if (jsonArray) {
      g.writeRaw('[');
    }
    g.writeStartObject();
    g.writeStringField("queryId", results.queryId());
    g.writeFieldName("columnNames");
    Json.mapper().writeValue(g, ResultJson.columnNames(results.schema()));
    g.writeFieldName("columnTypes");
    Json.mapper().writeValue(g, ResultJson.columnTypes(results.schema()));
    g.writeEndObject();
  }

  @Override
  public void row(JsonGenerator g, QueryResults results, Object[] row, long index) throws IOException {
    g.writeRaw(jsonArray ? ",\n" : "\n");
    ResultJson.writeRow(g, row, results.schema());
  }

  @Override
  public void end(JsonGenerator g, QueryResults results, long rows) throws IOException {
    if (results.failure() != null) {
      g.writeRaw(jsonArray ? ",\n" : "\n");
      Json.mapper().writeValue(g, ErrorMessage.generic(500, results.failure()));
    }
    g.writeRaw(jsonArray ? "]\n" : "\n");
  }

  /** Whitespace between the array's items; the delimited form has none, as a blank line is no JSON. */
  @Override
  public String keepAlive() {
    return jsonArray ? "\n" : null;
  }
}

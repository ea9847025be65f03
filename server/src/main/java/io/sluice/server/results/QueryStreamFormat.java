package io.sluice.server.results;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.server.rest.ErrorMessage;
import io.sluice.server.rest.Json;
import java.io.IOException;

/**
 * ksqlDB's {@code POST /query-stream} response. Delimited ({@code application/vnd.ksqlapi.delimited.v1},
 * the default): a header line {@code {"queryId":...,"columnNames":[...],"columnTypes":[...]}}, then
 * one JSON array per row per line, and an error object as the last line if the query failed. As
 * {@code application/json}: the same items as one JSON array, one item per line. Idle, it writes
 * an empty line each second.
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
    g.writeRaw('\n');
  }

  /** Each item ends its line (in the JSON array the comma starts the next), so a line reader gets each row at once. */
  @Override
  public void row(JsonGenerator g, QueryResults results, Object[] row, long index) throws IOException {
    if (jsonArray) {
      g.writeRaw(',');
    }
    ResultJson.writeRow(g, row, results.schema());
    g.writeRaw('\n');
  }

  @Override
  public void end(JsonGenerator g, QueryResults results, long rows) throws IOException {
    if (results.failure() != null) {
      if (jsonArray) {
        g.writeRaw(',');
      }
      Json.mapper().writeValue(g, ErrorMessage.generic(500, results.failure()));
      g.writeRaw('\n');
    }
    if (jsonArray) {
      g.writeRaw("]\n");
    }
  }

  /**
   * A newline: whitespace in the JSON array, an empty line in the delimited form (which
   * line-by-line readers skip). Without it, a client that left an idle query would go unnoticed.
   */
  @Override
  public String keepAlive() {
    return "\n";
  }
}

package io.sluice.server.results;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * One endpoint's way of writing query results as a stream of JSON: a header, the rows, an end.
 * {@link ResultStreamer} drives it; formats do not care whether the results are a push query's
 * (endless) or a pull query's (finite).
 */
public interface ResultFormat {

  /** The response's content type. */
  String contentType();

  /** Writes what comes before the first row. */
  void header(JsonGenerator g, QueryResults results) throws IOException;

  /** Writes one row; {@code index} counts rows from 0. */
  void row(JsonGenerator g, QueryResults results, Object[] row, long index) throws IOException;

  /** Writes what ends the response, after the last row (the results ended, or the server is stopping). */
  void end(JsonGenerator g, QueryResults results, long rows) throws IOException;

  /**
   * Raw text that changes nothing for the client, written when no row came for a while, so that a
   * client that went away is noticed; null if the format has none.
   */
  String keepAlive();
}

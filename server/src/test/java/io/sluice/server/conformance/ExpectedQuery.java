package io.sluice.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A pull or push query a case runs through {@code POST /query} once its outputs have arrived, and
 * what it must answer: a header schema, rows, or a refusal.
 *
 * @param line the case file's line of the query's section
 * @param header the header's {@code schema} text, or null to leave it unchecked
 * @param rows the rows' {@code columns} arrays, in order unless {@code unordered}; null when refused
 * @param refusal a fragment of the 400 error's message, or null when the query must answer
 */
record ExpectedQuery(Kind kind, int line, String sql, String header, List<JsonNode> rows, boolean unordered, String refusal) {

  /** A pull query ends by itself; a push query is read until it gave as many rows as expected, then closed. */
  enum Kind { PULL, PUSH }
}

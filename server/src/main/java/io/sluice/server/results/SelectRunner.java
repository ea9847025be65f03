package io.sluice.server.results;

import java.util.Map;

/** Starts SELECT statements: pull queries (no EMIT clause) and push queries (EMIT CHANGES or FINAL). */
public interface SelectRunner {

  /**
   * Starts one SELECT statement with per-request properties (such as {@code auto.offset.reset})
   * and returns its rows as they come.
   *
   * @throws SelectRefusedException when the statement cannot run, with the error to send back
   */
  QueryResults run(String sql, Map<String, String> properties);
}

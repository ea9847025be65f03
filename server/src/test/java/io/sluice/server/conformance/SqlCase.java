package io.sluice.server.conformance;

import java.util.List;
import java.util.Map;

/**
 * One conformance case, read from a case file with its {@code ${RUN}} replaced: the statements, the
 * records to produce, and what must come out (see {@code conformance/README.md}).
 *
 * @param error the refusal the statements must meet, or null when they must run
 * @param disabledReason why the case is skipped (a known product bug), or null
 * @param queries the pull and push queries run once the outputs have arrived (broker only)
 */
record SqlCase(
    String file,
    int line,
    String name,
    String disabledReason,
    String sql,
    List<InputRecord> inputs,
    List<ExpectedOutput> outputs,
    Map<String, String> schemas,
    Map<String, String> formats,
    List<ExpectedLogEntry> log,
    ExpectedError error,
    List<ExpectedQuery> queries) {

  /** The name a test report shows: file, line and case name. */
  String displayName() {
    return file + ":" + line + " " + name;
  }
}

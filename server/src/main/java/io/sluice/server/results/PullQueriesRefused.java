package io.sluice.server.results;

import io.sluice.parser.ParsedStatement;
import java.util.Map;

/** The pull query runner until pull queries are supported: it refuses every one with a 400. */
public final class PullQueriesRefused implements SelectRunner {

  @Override
  public QueryResults run(String sql, Map<String, String> properties) {
    ParsedStatement statement = SelectStatements.parseOne(sql);
    throw SelectStatements.refused(statement, "Pull queries are not supported yet");
  }
}

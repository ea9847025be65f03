package io.sluice.server.results;

import io.sluice.parser.ParsedStatement;
import io.sluice.parser.ast.EmitMode;
import io.sluice.parser.ast.SqlQueryStatement;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that decides how a SELECT runs: with an EMIT clause it is a push query, without
 * one a pull query. Every SELECT endpoint ({@code /query}, {@code /query-stream}, {@code /ws/query})
 * goes through here.
 */
public final class SelectRunners implements SelectRunner {

  private final SelectRunner pull;
  private final SelectRunner push;

  public SelectRunners(SelectRunner pull, SelectRunner push) {
    this.pull = pull;
    this.push = push;
  }

  /**
   * A text without the word EMIT cannot be a push query, so it goes to the pull runner unparsed:
   * a repeated key lookup is then never parsed at all (the pull runner knows its shape).
   */
  @Override
  public QueryResults run(String sql, Map<String, String> properties) {
    if (!sql.toUpperCase(Locale.ROOT).contains("EMIT")) {
      return pull.run(sql, properties);
    }
    ParsedStatement statement = SelectStatements.parseOne(sql);
    boolean isPush = ((SqlQueryStatement) statement.node()).emit() != EmitMode.NONE;
    return (isPush ? push : pull).run(sql, properties);
  }
}

package io.sluice.server.results;

import io.sluice.parser.ParsedStatement;
import io.sluice.parser.ast.EmitMode;
import io.sluice.parser.ast.SqlQueryStatement;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import io.sluice.planner.query.PushQueryPlan;
import io.sluice.planner.query.PushQueryPlanner;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;

/**
 * Runs push queries ({@code SELECT ... EMIT CHANGES|FINAL [LIMIT n]}): plans each against the
 * current catalog as a persistent query's SELECT is planned, and starts it as a transient query
 * whose rows go to the caller (see {@link PushQueries}).
 */
public final class PushQueryRunner implements SelectRunner {

  private final Supplier<CatalogView> catalog;
  private final PushQueries queries;

  public PushQueryRunner(Supplier<CatalogView> catalog, PushQueries queries) {
    this.catalog = catalog;
    this.queries = queries;
  }

  @Override
  public QueryResults run(String sql, Map<String, String> properties) {
    ParsedStatement statement = SelectStatements.parseOne(sql);
    SqlQueryStatement query = (SqlQueryStatement) statement.node();
    if (query.emit() == EmitMode.NONE) {
      throw SelectStatements.refused(statement, "A push query needs EMIT CHANGES (or EMIT FINAL)");
    }
    PushQueryPlan plan;
    try {
      plan = new PushQueryPlanner(catalog.get()).plan(query);
    } catch (PlanningException e) {
      int line = e.line() > 0 ? e.line() : query.getParserPosition().getLineNum();
      int column = e.line() > 0 ? e.column() : query.getParserPosition().getColumnNum();
      throw SelectStatements.refused(e.getMessage(), statement.text(), line, column);
    }
    try {
      return queries.start(plan, statement.text(), properties);
    } catch (UnsupportedPlanException | ConfigException e) {
      throw SelectStatements.refused(statement, e.getMessage());
    }
  }
}

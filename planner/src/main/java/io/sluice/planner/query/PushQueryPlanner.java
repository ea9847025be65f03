package io.sluice.planner.query;

import io.sluice.parser.ast.EmitMode;
import io.sluice.parser.ast.SqlQueryStatement;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import java.math.BigDecimal;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;

/**
 * Plans a push query, {@code SELECT ... EMIT CHANGES|FINAL [LIMIT n]}, exactly as the SELECT of a
 * persistent query (see {@link QueryPlanner}); only its end differs, a sink to the client instead
 * of a topic. A bare LIMIT is the number of rows after which the query ends. Over a table without
 * GROUP BY, the client gets the table's changes: each new version of a row, and deletions.
 */
public final class PushQueryPlanner {

  private final CatalogView catalog;

  public PushQueryPlanner(CatalogView catalog) {
    this.catalog = catalog;
  }

  public PushQueryPlan plan(SqlQueryStatement statement) {
    if (statement.emit() == EmitMode.NONE) {
      throw new IllegalArgumentException("a pull query is not a push query");
    }
    SqlNode query = statement.query();
    Long limit = null;
    if (query instanceof SqlOrderBy orderBy) {
      if (!orderBy.orderList.isEmpty()) {
        throw new PlanningException("ORDER BY is not supported in push queries", orderBy.orderList.getParserPosition());
      }
      if (orderBy.offset != null) {
        throw new PlanningException("OFFSET is not supported in push queries", orderBy.offset.getParserPosition());
      }
      limit = orderBy.fetch == null ? null : limit(orderBy.fetch);
      query = orderBy.query;
    }
    PlannedSelect select = QueryPlanner.forClient(catalog).plan(query, null, statement.emit());
    return new PushQueryPlan(select.root(), select.sourcesRead(), limit, select.logicalPlan());
  }

  private static long limit(SqlNode fetch) {
    if (fetch instanceof SqlLiteral literal && literal.getValue() instanceof BigDecimal value
        && value.signum() > 0 && value.scale() <= 0) {
      try {
        return value.longValueExact();
      } catch (ArithmeticException tooLarge) {
        // reported below
      }
    }
    throw new PlanningException("LIMIT must be a positive whole number", fetch.getParserPosition());
  }
}

package io.sluice.planner.query;

import io.sluice.parser.ast.EmitMode;
import io.sluice.parser.ast.SqlCreateView;
import io.sluice.parser.ast.SqlWindowedSelect;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import io.sluice.planner.ViewDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * Checks a CREATE VIEW by planning its query as a push query would run it, so that a view in the
 * catalog always plans; views that aggregate are refused, as only the outermost SELECT of a query
 * may aggregate and a view is read as a subquery.
 */
public final class CreateViewPlanner {

  private final CatalogView catalog;

  public CreateViewPlanner(CatalogView catalog) {
    this.catalog = catalog;
  }

  /** Plans {@code statement}, written as {@code statementText}. */
  public CreateViewPlan plan(SqlCreateView statement, String statementText) {
    String name = statement.name().getSimple();
    ViewDefinition view = new ViewDefinition(name, statementText);
    if (statement.query() instanceof SqlSelect select
        && (select.getGroup() != null || select.getHaving() != null || select instanceof SqlWindowedSelect)) {
      throw new PlanningException("A view cannot aggregate yet: only the outermost SELECT of a query may, and a view is "
          + "read as a subquery. Create a table with CREATE TABLE " + name + " AS SELECT ...",
          select.getParserPosition());
    }
    Set<String> views = ViewExpansion.viewsRead(view.query(), catalog);
    if (views.contains(name)) {
      throw new PlanningException("View " + name + " cannot read itself", statement.query().getParserPosition());
    }
    // The statement's own query, whose positions are those of the request, for errors.
    PlannedSelect planned = QueryPlanner.forClient(catalog).plan(statement.query(), null, EmitMode.CHANGES);
    Set<String> reads = new LinkedHashSet<>(planned.sourcesRead());
    reads.addAll(views);
    return new CreateViewPlan(view, planned.root().schema(), List.copyOf(reads));
  }
}

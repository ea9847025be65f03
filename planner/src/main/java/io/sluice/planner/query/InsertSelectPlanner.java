package io.sluice.planner.query;

import io.sluice.parser.ast.SqlInsertSelect;
import io.sluice.parser.ast.SqlProperty;
import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans INSERT INTO stream SELECT: the query's columns must match the target's by name, type and
 * role (key or value); they are written in the target's column order.
 */
public final class InsertSelectPlanner {

  private final CatalogView catalog;

  public InsertSelectPlanner(CatalogView catalog) {
    this.catalog = catalog;
  }

  public PlannedQuery plan(SqlInsertSelect statement, String queryId) {
    if (statement.properties() != null && !statement.properties().list().isEmpty()) {
      SqlProperty first = statement.properties().list().get(0);
      throw new PlanningException("Property " + first.key() + " is not supported in INSERT INTO", first.position());
    }
    String name = statement.name().getSimple();
    SourceDescriptor target = catalog.source(name).orElseThrow(() -> new PlanningException(
        "Unknown stream '" + name + "'", statement.name().getParserPosition()));
    if (target.isTable()) {
      throw new PlanningException("INSERT INTO ... SELECT writes streams only; " + name + " is a table",
          statement.name().getParserPosition());
    }
    PlannedSelect select = new QueryPlanner(catalog).plan(statement.query(), statement.partitionBy(), statement.emit());
    if (PlanNodes.aggregateOf(select.root()) != null) {
      throw new PlanningException("INSERT INTO ... SELECT with GROUP BY is not supported yet: "
          + "an aggregation produces a table; use CREATE TABLE AS SELECT", statement.getParserPosition());
    }
    if (select.readsTable()) {
      throw new PlanningException("The query reads a TABLE, so it cannot be inserted into stream " + name,
          statement.getParserPosition());
    }
    if (select.sourcesRead().contains(name)) {
      throw new PlanningException("INSERT INTO " + name + " cannot read from " + name + " itself",
          statement.getParserPosition());
    }
    SinkTopicCheck.refuseLoop(catalog, select.sourcesRead(), target.topic(), statement);
    ProjectNode ordered = inTargetOrder(select.root(), target, statement);
    SinkNode sink = new SinkNode("sink", ordered, name, target.topic(), target.formats());
    return new PlannedQuery(PhysicalPlan.of(queryId, sink), select.sourcesRead(), name, select.logicalPlan());
  }

  private static ProjectNode inTargetOrder(ProjectNode root, SourceDescriptor target, SqlInsertSelect statement) {
    RowSchema result = root.schema();
    RowSchema sink = target.schema();
    if (result.size() != sink.size()) {
      throw mismatch(result, sink, statement);
    }
    List<Expr> expressions = new ArrayList<>();
    for (Column wanted : sink.columns()) {
      int i = result.indexOf(wanted.name());
      if (i < 0 || !result.column(i).equals(wanted)) {
        throw mismatch(result, sink, statement);
      }
      expressions.add(root.expressions().get(i));
    }
    return new ProjectNode(root.id(), root.input(), expressions, sink);
  }

  private static PlanningException mismatch(RowSchema result, RowSchema sink, SqlInsertSelect statement) {
    return new PlanningException("Incompatible schema between results and sink. Result schema is "
        + describe(result) + ", sink schema is " + describe(sink), statement.getParserPosition());
  }

  static String describe(RowSchema schema) {
    List<String> parts = new ArrayList<>();
    for (Column c : schema.columns()) {
      parts.add("`" + c.name() + "` " + c.type().sql() + (c.kind() == ColumnKind.KEY ? " KEY" : ""));
    }
    return "(" + String.join(", ", parts) + ")";
  }
}

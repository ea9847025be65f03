package io.sluice.planner.query;

import io.sluice.plan.Column;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.planner.PlanningException;
import io.sluice.planner.calcite.RexToExpr;
import io.sluice.planner.calcite.SourceTables;
import io.sluice.planner.calcite.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns a relational plan of scans, filters and projections into plan nodes, naming each node
 * by its kind and a counter so that names are stable for the same statement.
 */
final class RelToPlanNodes {

  private final RexToExpr rex;
  private final SqlParserPos pos;
  private final List<String> sourcesRead = new ArrayList<>();
  private int filters;
  private int projects;
  private int sources;

  RelToPlanNodes(RexToExpr rex, SqlParserPos pos) {
    this.rex = rex;
    this.pos = pos;
  }

  List<String> sourcesRead() {
    return sourcesRead;
  }

  PlanNode convert(RelNode rel) {
    if (rel instanceof LogicalTableScan scan) {
      SourceDescriptor source = SourceTables.descriptor(scan.getTable());
      sourcesRead.add(source.name());
      return new SourceNode(nextId("source", ++sources), source.name(), source.topic(), source.isTable(),
          source.rowSchema(), source.formats(), source.timestampSpec());
    }
    if (rel instanceof LogicalFilter filter) {
      PlanNode input = convert(filter.getInput());
      return new FilterNode(nextId("filter", ++filters), input, rex.translate(filter.getCondition()));
    }
    if (rel instanceof LogicalProject project) {
      PlanNode input = convert(project.getInput());
      List<Expr> expressions = new ArrayList<>();
      List<Column> columns = new ArrayList<>();
      List<RelDataTypeField> fields = project.getRowType().getFieldList();
      for (int i = 0; i < fields.size(); i++) {
        RexNode node = project.getProjects().get(i);
        expressions.add(rex.translate(node));
        columns.add(Column.value(fields.get(i).getName(), TypeMapping.fromCalcite(node.getType(), pos)));
      }
      return new ProjectNode(nextId("project", ++projects), input, expressions, new RowSchema(columns));
    }
    throw new PlanningException(describe(rel) + " is not supported yet in this kind of query", pos);
  }

  private static String nextId(String kind, int n) {
    return n == 1 ? kind : kind + n;
  }

  private static String describe(RelNode rel) {
    if (rel instanceof Aggregate) {
      return "Aggregation (GROUP BY or an aggregate function)";
    }
    if (rel instanceof Join) {
      return "JOIN";
    }
    if (rel instanceof Sort) {
      return "ORDER BY, LIMIT or OFFSET";
    }
    if (rel instanceof Values) {
      return "A query without FROM";
    }
    return rel.getRelTypeName();
  }
}

package io.sluice.planner.query;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.EmitMode;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Operator;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.JoinType;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import io.sluice.planner.calcite.RexToExpr;
import io.sluice.planner.calcite.SourceTables;
import io.sluice.planner.calcite.TypeMapping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns a relational plan of scans, filters, projections, joins and at most one aggregation into plan
 * nodes, naming each node by its kind and a counter so that names are stable for the same statement.
 *
 * <p>Each converted relation comes with the expressions, over its plan node's row, of Calcite's
 * columns for it: they are the node's own columns except above an aggregation, whose plan node
 * orders and types its columns its own way.
 */
final class RelToPlanNodes {

  /** A relation's plan node, and {@code columns.get(i)}: Calcite's column i as an expression over the node's row. */
  record Converted(PlanNode node, List<Expr> columns) {

    static Converted of(PlanNode node) {
      List<Expr> columns = new ArrayList<>();
      RowSchema schema = node.schema();
      for (int i = 0; i < schema.size(); i++) {
        columns.add(new InputRef(i, schema.column(i).type()));
      }
      return new Converted(node, columns);
    }
  }

  private final RexToExpr rex;
  private final CatalogView catalog;
  private final SqlParserPos pos;
  private final WindowSpec window;
  private final EmitMode emit;
  private final Deque<JoinSideWindows.SideWindow> sideWindows;
  private boolean outermostAggregated;
  private int joinDepth;
  private final List<String> sourcesRead = new ArrayList<>();
  private final Map<String, SourceNode> sourceNodes = new HashMap<>();
  private int filters;
  private int projects;
  private int sources;
  private int aggregates;
  private int joins;

  /**
   * {@code window} (or null) and {@code emit} are those of the outermost SELECT's aggregation, if it
   * has one; {@code sideWindows} those of the windowed subqueries a join joins, left to right.
   */
  RelToPlanNodes(RexToExpr rex, CatalogView catalog, SqlParserPos pos, WindowSpec window, EmitMode emit,
      List<JoinSideWindows.SideWindow> sideWindows) {
    this.rex = rex;
    this.catalog = catalog;
    this.pos = pos;
    this.window = window;
    this.emit = emit;
    this.sideWindows = new ArrayDeque<>(sideWindows);
  }

  List<String> sourcesRead() {
    return sourcesRead;
  }

  /** The plan nodes of {@code rel}, ending in a projection of its columns. */
  ProjectNode convertToProjection(RelNode rel) {
    Converted top = convertRel(rel);
    if (rel instanceof LogicalProject && top.node() instanceof ProjectNode project) {
      return project;
    }
    List<Column> columns = new ArrayList<>();
    List<RelDataTypeField> fields = rel.getRowType().getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      columns.add(Column.value(fields.get(i).getName(), top.columns().get(i).type()));
    }
    return new ProjectNode(nextId("project", ++projects), top.node(), top.columns(), new RowSchema(columns));
  }

  private Converted convertRel(RelNode rel) {
    if (rel instanceof LogicalTableScan scan) {
      SourceDescriptor source = SourceTables.descriptor(scan.getTable());
      if (source.window() != null) {
        throw new PlanningException("Reading the windowed table " + source.name()
            + " in a persistent query is not supported yet", pos);
      }
      // A source read twice (two views of one topic) is one node: Kafka Streams reads a topic once per topology.
      SourceNode node = sourceNodes.computeIfAbsent(source.name(), name -> {
        sourcesRead.add(name);
        return new SourceNode(nextId("source", ++sources), name, source.topic(),
            source.isTable(), source.rowSchema(), source.formats(), source.timestampSpec());
      });
      return Converted.of(node);
    }
    if (rel instanceof LogicalFilter filter) {
      Converted input = convertRel(filter.getInput());
      Expr predicate = ExprRebase.onto(rex.translate(filter.getCondition()), input.columns());
      return new Converted(new FilterNode(nextId("filter", ++filters), input.node(), predicate), input.columns());
    }
    if (rel instanceof LogicalProject project) {
      Converted input = convertRel(project.getInput());
      List<Expr> expressions = new ArrayList<>();
      List<Column> columns = new ArrayList<>();
      List<RelDataTypeField> fields = project.getRowType().getFieldList();
      for (int i = 0; i < fields.size(); i++) {
        RexNode node = project.getProjects().get(i);
        expressions.add(ExprRebase.onto(rex.translate(node), input.columns()));
        columns.add(Column.value(fields.get(i).getName(), TypeMapping.fromCalcite(node.getType(), pos)));
      }
      return Converted.of(
          new ProjectNode(nextId("project", ++projects), input.node(), expressions, new RowSchema(columns)));
    }
    if (rel instanceof LogicalJoin join) {
      return convertJoin(join);
    }
    if (rel instanceof LogicalAggregate aggregate && joinDepth > 0) {
      JoinSideWindows.SideWindow sideWindow = sideWindows.poll();
      if (sideWindow == null) {
        throw new PlanningException("A join can join aggregations only of window table functions (TUMBLE or HOP), "
            + "whose rows are written once per window, or of such aggregations per window", pos);
      }
      String id = nextId("aggregate", ++aggregates);
      Converted input = inputRows(aggregate.getInput());
      if (sideWindow.ofInput() && !PlanNodes.readsFinalWindows(input.node())) {
        throw new PlanningException("An aggregation per window must read a windowed aggregation's rows directly", pos);
      }
      return new AggregateConverter(pos).convert(aggregate, input, id, sideWindow.window(), EmitMode.FINAL,
          sideWindow.ofInput());
    }
    if (rel instanceof LogicalAggregate aggregate && !outermostAggregated) {
      outermostAggregated = true;
      return new AggregateConverter(pos).convert(
          aggregate, inputRows(aggregate.getInput()), nextId("aggregate", ++aggregates), window, emit, false);
    }
    throw new PlanningException(describe(rel) + " is not supported yet in this kind of query", pos);
  }

  /** A join, and a filter of its rows by the conditions other than key equalities, if it has any. */
  private Converted convertJoin(LogicalJoin join) {
    joinDepth++;
    Converted left = joinSide(join.getLeft());
    Converted right = joinSide(join.getRight());
    joinDepth--;
    JoinCondition condition = JoinCondition.of(join, rex, left, right, pos);
    JoinNode node = new JoinConverter(catalog, pos).convert(join, nextId("join", ++joins), left.node(), right.node(),
        condition);
    if (condition.others.isEmpty()) {
      return new Converted(node, condition.joined);
    }
    if (node.type() != JoinType.INNER) {
      throw new PlanningException("The ON condition of an outer join can only equate the two sides' keys (and give "
          + "WITHIN): a further condition would also decide which rows count as unmatched. Filter the sides in "
          + "subqueries, or the joined rows in WHERE", pos);
    }
    Expr predicate = condition.others.size() == 1 ? condition.others.get(0)
        : new Call(Operator.AND, condition.others, DataType.BOOLEAN);
    return new Converted(new FilterNode(nextId("filter", ++filters), node, predicate), condition.joined);
  }

  /**
   * A join side. Calcite computes a join condition's expressions in a projection below the join
   * that passes its input's columns on and adds them; such a projection is not a node of its own,
   * so that the side stays its source (keyed, or a table) and the join computes the expressions.
   */
  private Converted joinSide(RelNode side) {
    if (side instanceof LogicalProject project && passesInputOn(project)) {
      Converted below = convertRel(project.getInput());
      List<Expr> columns = new ArrayList<>();
      for (RexNode node : project.getProjects()) {
        columns.add(ExprRebase.onto(rex.translate(node), below.columns()));
      }
      return new Converted(below.node(), columns);
    }
    return convertRel(side);
  }

  private static boolean passesInputOn(LogicalProject project) {
    int width = project.getInput().getRowType().getFieldCount();
    List<RexNode> projects = project.getProjects();
    if (projects.size() <= width) {
      return false;
    }
    for (int i = 0; i < width; i++) {
      if (!(projects.get(i) instanceof RexInputRef ref) || ref.getIndex() != i) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rows an aggregation reads: a projection right below it is not a node of its own, as the
   * aggregation computes its group keys and arguments itself.
   */
  private Converted inputRows(RelNode input) {
    if (!(input instanceof LogicalProject project)) {
      return convertRel(input);
    }
    Converted below = convertRel(project.getInput());
    List<Expr> columns = new ArrayList<>();
    for (RexNode node : project.getProjects()) {
      columns.add(ExprRebase.onto(rex.translate(node), below.columns()));
    }
    return new Converted(below.node(), columns);
  }

  private static String nextId(String kind, int n) {
    return n == 1 ? kind : kind + n;
  }

  private static String describe(RelNode rel) {
    if (rel instanceof Aggregate) {
      return "An aggregation over an aggregation";
    }
    if (rel instanceof Join) {
      return "This kind of JOIN";
    }
    if (rel instanceof Sort) {
      return "ORDER BY, LIMIT or OFFSET";
    }
    if (rel instanceof Values) {
      return "A query without FROM";
    }
    if (rel instanceof TableFunctionScan) {
      return "A table function other than directly in the FROM clause of an aggregation";
    }
    return rel.getRelTypeName();
  }
}

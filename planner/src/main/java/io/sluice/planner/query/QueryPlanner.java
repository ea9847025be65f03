package io.sluice.planner.query;

import io.sluice.parser.ast.EmitMode;
import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.RowSchema;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import io.sluice.planner.calcite.AggregateCallCheck;
import io.sluice.planner.calcite.CalciteContext;
import io.sluice.planner.calcite.LogicalRewrites;
import io.sluice.planner.calcite.RexToExpr;
import io.sluice.planner.calcite.SourceTables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Plans the SELECT of a persistent query (with its PARTITION BY, GROUP BY and window) into plan
 * nodes ending in a projection whose KEY columns are the output key.
 *
 * <p>Key rule: with GROUP BY, the select items that are the GROUP BY expressions are the key, in
 * GROUP BY order (see {@link GroupKeys}). With PARTITION BY, each expression must also appear in
 * the SELECT list, and those select items become the key, in PARTITION BY order; {@code PARTITION
 * BY NULL} gives no key. Without either, select items that are plain references to a source key
 * column stay key columns. Key columns come first in the output schema, then the value columns in
 * SELECT order.
 */
public final class QueryPlanner {

  private static final String PARTITION_ALIAS = "$SLUICE_PARTITION_BY_";

  private final CatalogView catalog;
  private final boolean persistent;

  /** A planner of persistent queries' SELECTs. */
  public QueryPlanner(CatalogView catalog) {
    this(catalog, true);
  }

  private QueryPlanner(CatalogView catalog, boolean persistent) {
    this.catalog = catalog;
    this.persistent = persistent;
  }

  /** A planner of push queries' SELECTs, whose rows go to a client: a join's key need not be selected. */
  public static QueryPlanner forClient(CatalogView catalog) {
    return new QueryPlanner(catalog, false);
  }

  /**
   * Plans {@code query} with its PARTITION BY (null for none) and the statement's EMIT clause,
   * which decides when an aggregation writes its results.
   */
  public PlannedSelect plan(SqlNode query, SqlNodeList partitionBy, EmitMode emit) {
    SqlSelect written = persistentSelect(ViewExpansion.expand(query, catalog));
    List<JoinSideWindows.SideWindow> sideWindows = JoinSideWindows.rewrite(written.getFrom(), catalog);
    WindowedQuery windowed = WindowedQuery.of(written, catalog);
    SqlSelect select = windowed.select();
    List<Integer> syntheticKeyItems = List.of();
    if (select.getFrom() instanceof SqlJoin) {
      JoinWithinRewrite.rewrite(select);
      SyntheticKey syntheticKey = SyntheticKey.of(select.getFrom(), catalog);
      JoinSelectNames.apply(select, catalog, syntheticKey);
      if (syntheticKey != null) {
        syntheticKeyItems = syntheticKey.resolveIn(select);
      }
    } else {
      SelectStarExpander.expand(select, catalog);
    }
    CalciteContext calcite = new CalciteContext(catalog);
    int selectCount = select.getSelectList().size();
    List<String> names = OutputNames.of(select, false);
    if (windowed.window() != null) {
      WindowBoundRewriter.rewrite(select, windowed.tableFunction());
    }
    GroupKeys groupKeys = select.getGroup() == null ? null : GroupKeys.of(select.getGroup());
    List<SqlNode> partitionExprs = partitionBy == null ? List.of() : partitionBy.getList();
    checkGrouping(select, windowed, partitionBy, emit, query);
    boolean partitionByNull = partitionExprs.size() == 1 && isNullLiteral(partitionExprs.get(0));
    if (!partitionByNull) {
      for (int i = 0; i < partitionExprs.size(); i++) {
        SqlNode expr = partitionExprs.get(i);
        select.getSelectList().add(SqlStdOperatorTable.AS.createCall(
            expr.getParserPosition(), expr, new SqlIdentifier(PARTITION_ALIAS + i, expr.getParserPosition())));
      }
    }
    SqlNode validated = calcite.validate(select);
    boolean aggregating = groupKeys != null;
    if (!aggregating && calcite.validator().isAggregate((SqlSelect) validated)) {
      throw new PlanningException("An aggregation needs GROUP BY: Sluice aggregates per key", select.getParserPosition());
    }
    RelNode rel = LogicalRewrites.apply(calcite.toRel(validated));
    boolean readsTable = readsTable(rel);
    if (aggregating) {
      AggregateCallCheck.check(validated, readsTable);
      if (readsTable && windowed.window() != null) {
        throw new PlanningException("Windowed aggregation of a TABLE is not supported: aggregate a stream",
            windowed.windowPosition());
      }
    }
    RexToExpr rex = new RexToExpr(rel.getCluster().getRexBuilder(), query.getParserPosition());
    RelToPlanNodes converter = new RelToPlanNodes(rex, catalog, query.getParserPosition(), windowed.window(),
        emit == EmitMode.FINAL ? io.sluice.plan.EmitMode.FINAL : io.sluice.plan.EmitMode.CHANGES, sideWindows);
    ProjectNode project = converter.convertToProjection(rel);
    AggregateNode aggregate = PlanNodes.aggregateOf(project);
    if (aggregate != null && !aggregating) {
      throw new PlanningException("Aggregations are supported in the outermost SELECT only", query.getParserPosition());
    }
    JoinKeyItems.Keyed joinKey = aggregating || !partitionExprs.isEmpty() ? null
        : JoinKeyItems.of(project, selectCount, syntheticKeyItems, persistent, query.getParserPosition());
    if (joinKey != null) {
      project = joinKey.project();
    }
    List<Integer> keyItems = aggregating ? groupKeys.match(project, aggregate, selectCount)
        : joinKey != null ? joinKey.keyItems()
        : partitionExprs.isEmpty() ? sourceKeyItems(project, selectCount)
        : partitionByNull ? List.of() : matchPartitionItems(project, selectCount, partitionBy);
    ProjectNode shaped = WindowMaxJoins.fuse(WindowJoins.fuse(
        WindowTops.fuse(SharedSubtrees.share(PanedWindows.keep(shape(project, names, keyItems, selectCount)))),
        catalog));
    return new PlannedSelect(shaped, converter.sourcesRead(), readsTable, RelOptUtil.toString(rel).trim());
  }

  private static SqlSelect persistentSelect(SqlNode query) {
    if (query instanceof SqlOrderBy orderBy) {
      throw new PlanningException(
          "ORDER BY, LIMIT and OFFSET are not allowed in persistent queries", orderBy.getParserPosition());
    }
    if (!(query instanceof SqlSelect select)) {
      throw new PlanningException(query.getKind() + " is not supported yet; use a single SELECT",
          query.getParserPosition());
    }
    if (select.getWindowList() != null && !select.getWindowList().isEmpty()) {
      throw new PlanningException("Named OVER windows are not supported; ksqlDB's WINDOW clause is written "
          + "WINDOW TUMBLING (SIZE ...)", select.getWindowList().getParserPosition());
    }
    if (select.isDistinct()) {
      throw new PlanningException("SELECT DISTINCT is not supported yet", select.getParserPosition());
    }
    return select;
  }

  /** Refuses what cannot go with the query's GROUP BY, or its absence, before Calcite reads the query. */
  private static void checkGrouping(SqlSelect select, WindowedQuery windowed, SqlNodeList partitionBy, EmitMode emit,
      SqlNode query) {
    boolean grouped = select.getGroup() != null;
    if (grouped && partitionBy != null) {
      throw new PlanningException("PARTITION BY cannot be combined with GROUP BY: the GROUP BY columns are the key",
          partitionBy.getParserPosition());
    }
    if (windowed.window() != null && !grouped) {
      throw new PlanningException("A window needs GROUP BY: windows group the rows of each key",
          windowed.windowPosition());
    }
    if (emit == EmitMode.FINAL && windowed.window() == null) {
      throw new PlanningException("EMIT FINAL needs a windowed aggregation: it writes each window's result "
          + "once the window closes. Use EMIT CHANGES", query.getParserPosition());
    }
  }

  /** The select items that are plain references to a source key column, each column once. */
  private static List<Integer> sourceKeyItems(ProjectNode project, int selectCount) {
    RowSchema input = project.input().schema();
    List<Integer> keyItems = new ArrayList<>();
    Set<Integer> keyRefs = new HashSet<>();
    for (int i = 0; i < selectCount; i++) {
      if (project.expressions().get(i) instanceof InputRef ref
          && input.column(ref.index()).kind() == ColumnKind.KEY
          && keyRefs.add(ref.index())) {
        keyItems.add(i);
      }
    }
    return keyItems;
  }

  private static List<Integer> matchPartitionItems(ProjectNode project, int selectCount, SqlNodeList partitionBy) {
    List<Integer> keyItems = new ArrayList<>();
    for (int p = 0; p < partitionBy.size(); p++) {
      Expr partitionExpr = project.expressions().get(selectCount + p);
      int match = -1;
      for (int i = 0; i < selectCount && match < 0; i++) {
        if (project.expressions().get(i).equals(partitionExpr) && !keyItems.contains(i)) {
          match = i;
        }
      }
      if (match < 0) {
        throw new PlanningException(
            "The PARTITION BY expression " + partitionBy.get(p)
                + " must also appear in the SELECT list, where it becomes the key column",
            partitionBy.get(p).getParserPosition());
      }
      keyItems.add(match);
    }
    return keyItems;
  }

  /** The projection reordered to key columns (in {@code keyItems} order), then the other select items. */
  private static ProjectNode shape(ProjectNode project, List<String> names, List<Integer> keyItems, int selectCount) {
    List<Expr> expressions = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (int i : keyItems) {
      expressions.add(project.expressions().get(i));
      columns.add(Column.key(names.get(i), project.schema().column(i).type()));
    }
    for (int i = 0; i < selectCount; i++) {
      if (!keyItems.contains(i)) {
        expressions.add(project.expressions().get(i));
        columns.add(Column.value(names.get(i), project.schema().column(i).type()));
      }
    }
    return new ProjectNode(project.id(), project.input(), expressions, new RowSchema(columns));
  }

  /** True if {@code rel}'s rows below any aggregation are a table's: a table, or a join of tables. */
  private static boolean readsTable(RelNode rel) {
    if (rel instanceof TableScan scan) {
      return SourceTables.descriptor(scan.getTable()).isTable();
    }
    if (rel instanceof Join join) {
      return readsTable(join.getLeft()) && readsTable(join.getRight());
    }
    return rel.getInputs().stream().anyMatch(QueryPlanner::readsTable);
  }

  private static boolean isNullLiteral(SqlNode node) {
    return SqlUtil.isNullLiteral(node, false);
  }
}

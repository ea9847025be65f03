package io.sluice.planner.query;

import io.sluice.parser.ast.SqlWindowSpec;
import io.sluice.parser.ast.SqlWindowedSelect;
import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.PseudoColumn;
import io.sluice.plan.RowSchema;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import io.sluice.planner.calcite.CalciteContext;
import io.sluice.planner.calcite.LogicalRewrites;
import io.sluice.planner.calcite.RexToExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * Plans the SELECT of a persistent query (with its PARTITION BY) into plan nodes ending in a
 * projection whose KEY columns are the output key.
 *
 * <p>Key rule: with PARTITION BY, each expression must also appear in the SELECT list, and those
 * select items become the key, in PARTITION BY order; {@code PARTITION BY NULL} gives no key.
 * Without it, select items that are plain references to a source key column stay key columns.
 * Key columns come first in the output schema, then the value columns in SELECT order.
 */
public final class QueryPlanner {

  private static final String PARTITION_ALIAS = "$SLUICE_PARTITION_BY_";

  private final CatalogView catalog;

  public QueryPlanner(CatalogView catalog) {
    this.catalog = catalog;
  }

  public PlannedSelect plan(SqlNode query, SqlNodeList partitionBy) {
    SqlSelect select = persistentSelect(query);
    SelectStarExpander.expand(select, catalog);
    CalciteContext calcite = new CalciteContext(catalog);
    int selectCount = select.getSelectList().size();
    List<String> names = outputNames(select);
    List<SqlNode> partitionExprs = partitionBy == null ? List.of() : partitionBy.getList();
    boolean partitionByNull = partitionExprs.size() == 1 && isNullLiteral(partitionExprs.get(0));
    if (!partitionByNull) {
      for (int i = 0; i < partitionExprs.size(); i++) {
        SqlNode expr = partitionExprs.get(i);
        select.getSelectList().add(SqlStdOperatorTable.AS.createCall(
            expr.getParserPosition(), expr, new SqlIdentifier(PARTITION_ALIAS + i, expr.getParserPosition())));
      }
    }
    SqlNode validated = calcite.validate(select);
    RelNode rel = LogicalRewrites.apply(calcite.toRel(validated));
    RexToExpr rex = new RexToExpr(rel.getCluster().getRexBuilder(), query.getParserPosition());
    RelToPlanNodes converter = new RelToPlanNodes(rex, query.getParserPosition());
    PlanNode top = converter.convert(rel);
    if (!(top instanceof ProjectNode project)) {
      throw new PlanningException("The query must have a SELECT list", query.getParserPosition());
    }
    List<Integer> keyItems = partitionExprs.isEmpty()
        ? sourceKeyItems(project, selectCount)
        : partitionByNull ? List.of() : matchPartitionItems(project, selectCount, partitionBy);
    ProjectNode shaped = shape(project, names, keyItems, selectCount);
    boolean readsTable = readsTable(shaped);
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
    if (select instanceof SqlWindowedSelect windowed) {
      SqlWindowSpec window = windowed.ksqlWindow();
      throw new PlanningException(
          "WINDOW " + window.kind() + " is not supported yet", window.position());
    }
    if (select.getGroup() != null || select.getHaving() != null) {
      throw new PlanningException(
          "GROUP BY and HAVING are not supported yet", select.getParserPosition());
    }
    if (select.getWindowList() != null && !select.getWindowList().isEmpty()) {
      throw new PlanningException("WINDOW is not supported yet", select.getWindowList().getParserPosition());
    }
    if (select.isDistinct()) {
      throw new PlanningException("SELECT DISTINCT is not supported yet", select.getParserPosition());
    }
    return select;
  }

  /** The output column names: aliases, column names, or KSQL_COL_n; refuses clashes and pseudo names. */
  private static List<String> outputNames(SqlSelect select) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    SqlNodeList items = select.getSelectList();
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      String alias = SqlValidatorUtil.alias(item);
      String name = alias != null ? alias : "KSQL_COL_" + i;
      if (PseudoColumn.isPseudo(name)) {
        throw new PlanningException(
            "Reserved column name in select: " + name + ". Please use an alias.", item.getParserPosition());
      }
      if (!seen.add(name)) {
        throw new PlanningException(
            "Duplicate column name in select: " + name + ". Please use an alias.", item.getParserPosition());
      }
      names.add(name);
    }
    return names;
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

  private static boolean readsTable(PlanNode node) {
    if (node instanceof SourceNode source) {
      return source.table();
    }
    return node.inputs().stream().anyMatch(QueryPlanner::readsTable);
  }

  private static boolean isNullLiteral(SqlNode node) {
    return SqlUtil.isNullLiteral(node, false);
  }
}

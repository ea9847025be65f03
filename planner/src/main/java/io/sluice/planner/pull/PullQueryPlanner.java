package io.sluice.planner.pull;

import io.sluice.parser.ast.SqlWindowedSelect;
import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.DataType;
import io.sluice.plan.PseudoColumn;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.pull.PullQueryPlan;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import io.sluice.planner.query.OutputNames;
import io.sluice.planner.calcite.CalciteContext;
import io.sluice.planner.calcite.LogicalRewrites;
import io.sluice.planner.calcite.RexToExpr;
import io.sluice.planner.query.SelectStarExpander;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Plans a pull query, {@code SELECT ... FROM source [WHERE ...] [LIMIT n]} without EMIT, into a
 * {@link PullQueryPlan}: Calcite validates it over the source's pull-query columns (for a table
 * its key and value columns, and WINDOWSTART and WINDOWEND when windowed), and {@link WhereAnalysis}
 * reads the WHERE into key lookups, ranges and a residual filter.
 */
public final class PullQueryPlanner {

  /** The exact refusal of a windowed table read without pinning its key. */
  public static final String WINDOWED_NEEDS_KEY = "pull queries on windowed tables need the key";

  private final CatalogView catalog;
  private final boolean tableScansEnabled;

  /** @param tableScansEnabled whether a query that does not pin the key (it reads every row) may run */
  public PullQueryPlanner(CatalogView catalog, boolean tableScansEnabled) {
    this.catalog = catalog;
    this.tableScansEnabled = tableScansEnabled;
  }

  /** Plans {@code query}, the query of a statement with no EMIT clause. */
  public PullQueryPlan plan(SqlNode query) {
    Long limit = null;
    SqlNode body = query;
    if (query instanceof SqlOrderBy orderBy) {
      if (!orderBy.orderList.isEmpty()) {
        throw new PlanningException("ORDER BY is not supported in pull queries", orderBy.orderList.getParserPosition());
      }
      if (orderBy.offset != null) {
        throw new PlanningException("OFFSET is not supported in pull queries", orderBy.offset.getParserPosition());
      }
      limit = limit(orderBy.fetch);
      body = orderBy.query;
    }
    SqlSelect select = checkShape(body);
    SqlNode from = select.getFrom();
    SqlIdentifier table = (SqlIdentifier) (from.getKind() == SqlKind.AS ? ((SqlBasicCall) from).operand(0) : from);
    if (catalog.view(table.getSimple()).isPresent()) {
      throw new PlanningException("Pull queries read a table's current state, and the view " + table.getSimple()
          + " keeps none: run it as a push query (EMIT CHANGES), or CREATE TABLE AS SELECT from it and query that",
          table.getParserPosition());
    }
    SourceDescriptor source = catalog.source(table.getSimple()).orElseThrow(() ->
        new PlanningException("Unknown stream or table '" + table.getSimple() + "'", table.getParserPosition()));
    RowSchema input = inputSchema(source);
    SourceDescriptor view = new SourceDescriptor(source.name(), source.type(), source.topic(), withoutPseudo(input),
        source.formats(), null, null);
    CatalogView pullCatalog = CatalogView.of(Map.of(source.name(), view));
    SelectStarExpander.expand(select, pullCatalog);
    List<String> names = OutputNames.of(select, true);
    CalciteContext calcite = new CalciteContext(pullCatalog);
    SqlNode validated = calcite.validate(select);
    if (calcite.validator().isAggregate((SqlSelect) validated)) {
      throw new PlanningException("Aggregate functions are not supported in pull queries: read the table "
          + "that a CREATE TABLE AS SELECT ... GROUP BY keeps", select.getSelectList().getParserPosition());
    }
    RelNode rel = LogicalRewrites.apply(calcite.toRel(validated));
    RexToExpr rex = new RexToExpr(rel.getCluster().getRexBuilder(), query.getParserPosition());
    List<RexNode> projects = null;
    RexNode condition = null;
    if (rel instanceof Project project) {
      projects = project.getProjects();
      rel = project.getInput();
    }
    if (rel instanceof Filter filter) {
      condition = filter.getCondition();
      rel = filter.getInput();
    }
    if (!(rel instanceof TableScan)) {
      throw new PlanningException("This pull query is not supported: it must read one stream or table",
          query.getParserPosition());
    }
    List<Expr> projection = new ArrayList<>();
    if (projects == null) {
      for (int i = 0; i < rel.getRowType().getFieldCount(); i++) {
        projection.add(new InputRef(i, input.column(i).type()));
      }
    } else {
      projects.forEach(p -> projection.add(rex.translate(p)));
    }
    Expr where = condition == null ? null : rex.translate(condition);
    int readable = source.isTable() ? input.size() - PseudoColumn.values().length : input.size();
    checkReadable(projection, where, input, readable, query.getParserPosition());

    int[] keySlots = input.indexesOf(ColumnKind.KEY);
    int windowStart = source.window() == null ? -1 : input.indexOf(WindowSpec.START_COLUMN);
    int windowEnd = source.window() == null ? -1 : input.indexOf(WindowSpec.END_COLUMN);
    WhereAnalysis analysis = WhereAnalysis.of(where, source.isTable() ? keySlots : new int[0], windowStart, windowEnd);
    SqlParserPos wherePos = select.getWhere() == null ? select.getParserPosition() : select.getWhere().getParserPosition();
    if (source.isTable() && analysis.keyLookups().isEmpty()) {
      if (source.window() != null) {
        throw new PlanningException(WINDOWED_NEEDS_KEY, wherePos);
      }
      if (!tableScansEnabled) {
        throw new PlanningException("Table scans are disabled (query.pull.table.scan.enabled=false): this pull "
            + "query must pin the whole key with = or IN", wherePos);
      }
    }
    RowSchema output = outputSchema(projection, names, input, source);
    return new PullQueryPlan(source.name(), source.type(), withoutPseudoIfTable(input, source),
        analysis.keyLookups(), analysis.keyLower(), analysis.keyUpper(),
        analysis.windowStartLower(), analysis.windowStartUpper(), analysis.windowEndLower(), analysis.windowEndUpper(),
        analysis.residual(), projection, output, limit);
  }

  /**
   * The columns a pull query reads: a table's key columns, WINDOWSTART and WINDOWEND when the
   * table is windowed (unless it has columns so named), its value columns, then the pseudo columns
   * (which only a stream's rows carry).
   */
  static RowSchema inputSchema(SourceDescriptor source) {
    List<Column> columns = new ArrayList<>(source.schema().keyColumns());
    if (source.isTable() && source.window() != null) {
      for (String name : List.of(WindowSpec.START_COLUMN, WindowSpec.END_COLUMN)) {
        if (source.schema().indexOf(name) < 0) {
          columns.add(Column.value(name, DataType.BIGINT));
        }
      }
    }
    columns.addAll(source.schema().valueColumns());
    columns.addAll(PseudoColumn.columns());
    return new RowSchema(columns);
  }

  private static SqlSelect checkShape(SqlNode body) {
    if (!(body instanceof SqlSelect select)) {
      throw new PlanningException(body.getKind() + " is not supported in pull queries; use a single SELECT",
          body.getParserPosition());
    }
    if (select instanceof SqlWindowedSelect windowed) {
      throw new PlanningException("A WINDOW clause is not supported in pull queries; windowed tables are "
          + "queried by WINDOWSTART and WINDOWEND", windowed.ksqlWindow().getParserPosition());
    }
    if (select.getGroup() != null) {
      throw new PlanningException("GROUP BY is not supported in pull queries; aggregate in a CREATE TABLE AS SELECT "
          + "and query that table", select.getGroup().getParserPosition());
    }
    if (select.getHaving() != null) {
      throw new PlanningException("HAVING is not supported in pull queries", select.getHaving().getParserPosition());
    }
    if (select.isDistinct()) {
      throw new PlanningException("SELECT DISTINCT is not supported in pull queries", select.getParserPosition());
    }
    if (select.getWindowList() != null && !select.getWindowList().isEmpty()) {
      throw new PlanningException("OVER windows are not supported in pull queries",
          select.getWindowList().getParserPosition());
    }
    SqlNode from = select.getFrom();
    SqlNode target = from != null && from.getKind() == SqlKind.AS ? ((SqlBasicCall) from).operand(0) : from;
    if (!(target instanceof SqlIdentifier id) || !id.isSimple()) {
      throw new PlanningException("Pull queries read one stream or table: joins, subqueries and table functions "
          + "are not supported", from == null ? select.getParserPosition() : from.getParserPosition());
    }
    return select;
  }

  private static Long limit(SqlNode fetch) {
    if (fetch == null) {
      return null;
    }
    if (!(fetch instanceof SqlLiteral literal) || literal.bigDecimalValue() == null
        || literal.bigDecimalValue().signum() < 0) {
      throw new PlanningException("LIMIT takes a non-negative whole number", fetch.getParserPosition());
    }
    return literal.bigDecimalValue().longValueExact();
  }

  /** Refuses reading ROWTIME and the other pseudo columns of a table: its stored rows do not keep them. */
  private static void checkReadable(List<Expr> projection, Expr where, RowSchema input, int readable, SqlParserPos pos) {
    List<Expr> all = new ArrayList<>(projection);
    if (where != null) {
      all.add(where);
    }
    for (Expr expr : all) {
      int slot = maxSlot(expr);
      if (slot >= readable) {
        throw new PlanningException(input.column(slot).name() + " is not available in pull queries on tables",
            pos);
      }
    }
  }

  private static int maxSlot(Expr expr) {
    if (expr instanceof InputRef ref) {
      return ref.index();
    }
    if (expr instanceof Call call) {
      return call.operands().stream().mapToInt(PullQueryPlanner::maxSlot).max().orElse(-1);
    }
    return -1;
  }

  private static RowSchema withoutPseudo(RowSchema input) {
    return new RowSchema(input.columns().stream().filter(c -> c.kind() != ColumnKind.PSEUDO).toList());
  }

  private static RowSchema withoutPseudoIfTable(RowSchema input, SourceDescriptor source) {
    return source.isTable() ? withoutPseudo(input) : input;
  }

  /** Output columns in SELECT order; a plain copy of a key column (or a window bound of a windowed table) is KEY. */
  private static RowSchema outputSchema(List<Expr> projection, List<String> names, RowSchema input,
      SourceDescriptor source) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < projection.size(); i++) {
      Expr expr = projection.get(i);
      boolean key = false;
      if (expr instanceof InputRef ref) {
        Column read = input.column(ref.index());
        key = read.kind() == ColumnKind.KEY
            || (source.isTable() && source.window() != null && WindowSpec.isWindowColumn(read.name())
                && source.schema().indexOf(read.name()) < 0);
      }
      columns.add(new Column(names.get(i), expr.type(), key ? ColumnKind.KEY : ColumnKind.VALUE));
    }
    return new RowSchema(columns);
  }
}

package io.sluice.planner.query;

import io.sluice.parser.SluiceSqlDialect;
import io.sluice.plan.PseudoColumn;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.Litmus;

/**
 * Reads the standard window table functions in FROM, {@code TABLE(TUMBLE(TABLE s, DESCRIPTOR(ts),
 * size))}, {@code TABLE(HOP(TABLE s, DESCRIPTOR(ts), slide, size))} and {@code TABLE(SESSION(TABLE s
 * [PARTITION BY keys], DESCRIPTOR(ts), gap))}, grouped by window_start and window_end, as the same
 * windowed aggregation as ksqlDB's WINDOW clause: FROM becomes the source itself (or the view's
 * query) and window_start and window_end leave GROUP BY. The grace period is the stream's
 * GRACE_PERIOD, or ksqlDB's default (see {@link StreamGrace}); the
 * time column must be the source's event time, ROWTIME or its TIMESTAMP column (a view's column
 * passing one of them on), as windows follow event time.
 */
final class WindowTableFunctions {

  static final String START = "WINDOW_START";
  static final String END = "WINDOW_END";

  private WindowTableFunctions() {}

  /** The select rewritten and its window, or null if FROM is not a table function. */
  static WindowedQuery rewrite(SqlSelect select, CatalogView catalog) {
    return rewrite(select, catalog, false);
  }

  /**
   * The select rewritten and its window, or null if FROM is not a table function; {@code perWindow}
   * lets GROUP BY hold the window bounds alone, one group per window (for a join's side, whose
   * rows are not a table's that would need a key).
   */
  static WindowedQuery rewrite(SqlSelect select, CatalogView catalog, boolean perWindow) {
    SqlNode from = select.getFrom();
    SqlBasicCall alias = null;
    if (from != null && from.getKind() == SqlKind.AS) {
      alias = (SqlBasicCall) from;
      from = alias.operand(0);
    }
    if (from == null || from.getKind() != SqlKind.COLLECTION_TABLE) {
      return null;
    }
    if (alias != null && alias.operandCount() > 2) {
      throw new PlanningException("Column aliases on a window table function are not supported", alias.getParserPosition());
    }
    SqlCall function = ((SqlCall) from).operand(0);
    String name = function.getOperator().getName().toUpperCase(Locale.ROOT);
    WindowType type = switch (name) {
      case "TUMBLE" -> WindowType.TUMBLING;
      case "HOP" -> WindowType.HOPPING;
      case "SESSION" -> WindowType.SESSION;
      default -> throw new PlanningException(
          "Table function " + name + " is not supported; use TUMBLE, HOP or SESSION", function.getParserPosition());
    };
    int intervals = type == WindowType.HOPPING ? 2 : 1;
    List<SqlNode> operands = function.getOperandList();
    for (SqlNode operand : operands) {
      if (operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
        throw new PlanningException("Write the arguments of " + name + " in order, without names", operand.getParserPosition());
      }
    }
    if (operands.size() != 2 + intervals) {
      throw new PlanningException(name + " takes " + (2 + intervals) + " arguments: " + usage(type)
          + (operands.size() > 2 + intervals ? "; an offset is not supported" : ""), function.getParserPosition());
    }
    TableArgument table = tableArgument(operands.get(0), type, name);
    if (table.view() != null) {
      checkViewTimeColumn(operands.get(1), table, catalog, name);
    } else {
      SourceDescriptor source = catalog.source(table.name().getSimple()).orElseThrow(() -> new PlanningException(
          "Unknown stream or table '" + table.name().getSimple() + "'", table.name().getParserPosition()));
      checkTimeColumn(operands.get(1), source, name);
    }
    long first = positiveMillis(operands.get(2), name);
    Long defaultGrace = StreamGrace.of(from, catalog);
    WindowSpec window = type == WindowType.HOPPING
        ? hopping(first, positiveMillis(operands.get(3), name), operands.get(2), defaultGrace)
        : WindowSpecs.withDefaults(type, first, null, null, defaultGrace, null, null);
    SqlNode replacement = table.view() != null
        ? SqlStdOperatorTable.AS.createCall(table.name().getParserPosition(), table.view(),
            alias == null ? table.name() : alias.operand(1))
        : alias == null ? table.name()
        : SqlStdOperatorTable.AS.createCall(alias.getParserPosition(), table.name(), alias.operand(1));
    select.setFrom(replacement);
    select.setGroupBy(groupWithoutBounds(select, function, table.partitionBy(), perWindow));
    return new WindowedQuery(select, window, from.getParserPosition(), true);
  }

  /** The table argument: a source's name, or a view's name and its expanded query ({@code view}, else null). */
  private record TableArgument(SqlIdentifier name, SqlSelect view, SqlNodeList partitionBy) {}

  private static TableArgument tableArgument(SqlNode operand, WindowType type, String function) {
    SqlNodeList partitionBy = null;
    SqlNode table = operand;
    if (operand.getKind() == SqlKind.SET_SEMANTICS_TABLE) {
      SqlCall set = (SqlCall) operand;
      table = set.operand(0);
      partitionBy = set.operand(1);
      SqlNodeList orderBy = set.operand(2);
      if (orderBy != null && !orderBy.isEmpty()) {
        throw new PlanningException("ORDER BY is not supported in a table argument", orderBy.getParserPosition());
      }
      if (type != WindowType.SESSION && partitionBy != null && !partitionBy.isEmpty()) {
        throw new PlanningException(function + " takes no PARTITION BY; only SESSION does", partitionBy.getParserPosition());
      }
    }
    SqlNodeList partitions = partitionBy == null || partitionBy.isEmpty() ? null : partitionBy;
    if (table.getKind() == SqlKind.AS && ((SqlCall) table).operand(0) instanceof SqlSelect view) {
      return new TableArgument(((SqlCall) table).operand(1), view, partitions);
    }
    if (table.getKind() != SqlKind.EXPLICIT_TABLE
        || !(((SqlCall) table).operand(0) instanceof SqlIdentifier name) || !name.isSimple()) {
      throw new PlanningException("The first argument of " + function + " must be TABLE followed by a stream's name",
          operand.getParserPosition());
    }
    return new TableArgument(name, null, partitions);
  }

  private static void checkTimeColumn(SqlNode operand, SourceDescriptor source, String function) {
    SqlIdentifier column = descriptorColumn(operand, function);
    String name = column.names.get(column.names.size() - 1);
    String eventTime = source.timestampColumn();
    if (!name.equals(PseudoColumn.ROWTIME.name()) && !name.equals(eventTime)) {
      throw new PlanningException("Windows follow the event time of " + source.name() + ": use DESCRIPTOR(ROWTIME)"
          + (eventTime == null ? "" : " or DESCRIPTOR(" + eventTime + "), its TIMESTAMP column")
          + ", not " + name, column.getParserPosition());
    }
  }

  /**
   * Checks that a window over a view follows event time: the time column must be a column of the
   * view that is ROWTIME, or the TIMESTAMP column of the stream the view reads, passed on as it is.
   */
  private static void checkViewTimeColumn(SqlNode operand, TableArgument table, CatalogView catalog, String function) {
    SqlIdentifier column = descriptorColumn(operand, function);
    String name = column.names.get(column.names.size() - 1);
    SqlNode definition = null;
    for (SqlNode item : table.view().getSelectList()) {
      if (item.getKind() == SqlKind.AS && ((SqlCall) item).operand(1) instanceof SqlIdentifier as
          && as.getSimple().equals(name)) {
        definition = ((SqlCall) item).operand(0);
      } else if (item instanceof SqlIdentifier plain && plain.names.get(plain.names.size() - 1).equals(name)) {
        definition = plain;
      }
    }
    String eventTime = table.view().getFrom() instanceof SqlIdentifier from && from.isSimple()
        ? catalog.source(from.getSimple()).map(SourceDescriptor::timestampColumn).orElse(null) : null;
    if (definition instanceof SqlIdentifier reference) {
      String referenced = reference.names.get(reference.names.size() - 1);
      if (referenced.equals(PseudoColumn.ROWTIME.name()) || referenced.equals(eventTime)) {
        return;
      }
    }
    throw new PlanningException("Windows follow event time: DESCRIPTOR(" + name + ") must name a column of the view "
        + table.name().getSimple() + " that is its stream's ROWTIME" + (eventTime == null ? "" : " or " + eventTime)
        + (definition == null ? ", and the view has no column " + name
            : ", not " + definition.toSqlString(SluiceSqlDialect.DEFAULT).getSql()),
        column.getParserPosition());
  }

  private static SqlIdentifier descriptorColumn(SqlNode operand, String function) {
    if (!(operand instanceof SqlCall descriptor) || !descriptor.getOperator().getName().equalsIgnoreCase("DESCRIPTOR")
        || descriptor.operandCount() != 1 || !(descriptor.operand(0) instanceof SqlIdentifier column)) {
      throw new PlanningException("The second argument of " + function + " must be DESCRIPTOR(time column)",
          operand.getParserPosition());
    }
    return column;
  }

  private static WindowSpec hopping(long slide, long size, SqlNode slideNode, Long defaultGrace) {
    if (slide > size) {
      throw new PlanningException("HOP's slide must not exceed its size", slideNode.getParserPosition());
    }
    return WindowSpecs.withDefaults(WindowType.HOPPING, size, slide, null, defaultGrace, null, null);
  }

  private static long positiveMillis(SqlNode operand, String function) {
    if (!(operand instanceof SqlIntervalLiteral literal)
        || !literal.getTypeName().getFamily().equals(SqlTypeFamily.INTERVAL_DAY_TIME)) {
      throw new PlanningException(function + " takes durations written as intervals, such as INTERVAL '1' MINUTE",
          operand.getParserPosition());
    }
    long millis = SqlParserUtil.intervalToMillis((SqlIntervalLiteral.IntervalValue) literal.getValue());
    if (millis <= 0) {
      throw new PlanningException("A window duration must be greater than zero", operand.getParserPosition());
    }
    return millis;
  }

  /**
   * The GROUP BY list without window_start and window_end, which it must hold; a SESSION's
   * PARTITION BY, if written, must list the remaining keys, as sessions are tracked per group.
   */
  private static SqlNodeList groupWithoutBounds(SqlSelect select, SqlCall function, SqlNodeList partitionBy,
      boolean perWindow) {
    SqlNodeList group = select.getGroup();
    SqlParserPos at = group != null ? group.getParserPosition() : select.getParserPosition();
    List<SqlNode> keys = new ArrayList<>();
    boolean start = false;
    boolean end = false;
    for (SqlNode item : group == null ? List.<SqlNode>of() : group.getList()) {
      if (WindowBoundRewriter.names(item, START)) {
        start = true;
      } else if (WindowBoundRewriter.names(item, END)) {
        end = true;
      } else {
        keys.add(item);
      }
    }
    if (!start || !end) {
      throw new PlanningException("Aggregate the rows of a window table function with GROUP BY window_start, "
          + "window_end and at least one key column", at);
    }
    if (keys.isEmpty() && !perWindow) {
      throw new PlanningException("GROUP BY needs a key column besides window_start and window_end", at);
    }
    if (partitionBy != null && !sameKeys(partitionBy.getList(), keys)) {
      throw new PlanningException("Sessions are tracked per group: PARTITION BY must list the GROUP BY columns "
          + text(keys), partitionBy.getParserPosition());
    }
    return new SqlNodeList(keys, group.getParserPosition());
  }

  private static boolean sameKeys(List<SqlNode> partition, List<SqlNode> keys) {
    if (partition.size() != keys.size()) {
      return false;
    }
    return partition.stream().allMatch(p -> keys.stream().anyMatch(k -> sameKey(p, k)));
  }

  private static boolean sameKey(SqlNode a, SqlNode b) {
    if (a instanceof SqlIdentifier x && b instanceof SqlIdentifier y) {
      return x.names.get(x.names.size() - 1).equals(y.names.get(y.names.size() - 1));
    }
    return a.equalsDeep(b, Litmus.IGNORE);
  }

  private static String text(List<SqlNode> nodes) {
    return String.join(", ", nodes.stream().map(n -> n.toSqlString(SluiceSqlDialect.DEFAULT).getSql()).toList());
  }

  private static String usage(WindowType type) {
    return switch (type) {
      case TUMBLING -> "TUMBLE(TABLE s, DESCRIPTOR(ts), size)";
      case HOPPING -> "HOP(TABLE s, DESCRIPTOR(ts), slide, size)";
      case SESSION -> "SESSION(TABLE s [PARTITION BY key], DESCRIPTOR(ts), gap)";
    };
  }
}

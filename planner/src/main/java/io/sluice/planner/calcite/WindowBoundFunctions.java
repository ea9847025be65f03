package io.sluice.planner.calcite;

import java.util.List;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The start and end of the window a windowed aggregation's group belongs to, as Calcite sees
 * them: argument-less aggregate functions, so that they may appear wherever an aggregate may (the
 * SELECT list and HAVING). The planner writes these calls in place of ksqlDB's WINDOWSTART and
 * WINDOWEND (BIGINT epoch milliseconds) and of the window table functions' window_start and
 * window_end (TIMESTAMP). Calcite looks functions up by name as it validates, so the operator table
 * holds them, under names that start with {@code $}, which statements do not write.
 */
public final class WindowBoundFunctions {

  /** ksqlDB's WINDOWSTART, BIGINT. */
  public static final SqlAggFunction WINDOWSTART = bound("$WINDOWSTART", SqlTypeName.BIGINT, 0);
  /** ksqlDB's WINDOWEND, BIGINT. */
  public static final SqlAggFunction WINDOWEND = bound("$WINDOWEND", SqlTypeName.BIGINT, 0);
  /** A window table function's window_start, TIMESTAMP. */
  public static final SqlAggFunction WINDOW_START = bound("$WINDOW_START", SqlTypeName.TIMESTAMP, 3);
  /** A window table function's window_end, TIMESTAMP. */
  public static final SqlAggFunction WINDOW_END = bound("$WINDOW_END", SqlTypeName.TIMESTAMP, 3);

  /** The functions above, for the operator table. */
  public static final List<SqlAggFunction> ALL = List.of(WINDOWSTART, WINDOWEND, WINDOW_START, WINDOW_END);

  private WindowBoundFunctions() {}

  /** True if {@code function} yields a window's start (false: its end); only for the functions above. */
  public static boolean isStart(SqlAggFunction function) {
    return function == WINDOWSTART || function == WINDOW_START;
  }

  /** True for the functions above. */
  public static boolean isWindowBound(SqlAggFunction function) {
    return function == WINDOWSTART || function == WINDOWEND || function == WINDOW_START || function == WINDOW_END;
  }

  private static SqlAggFunction bound(String name, SqlTypeName type, int precision) {
    return SqlBasicAggFunction.create(name, SqlKind.OTHER_FUNCTION,
        b -> precision > 0 ? b.getTypeFactory().createSqlType(type, precision) : b.getTypeFactory().createSqlType(type),
        OperandTypes.NILADIC);
  }
}

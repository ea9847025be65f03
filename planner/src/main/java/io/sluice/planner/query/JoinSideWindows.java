package io.sluice.planner.query;

import io.sluice.parser.ast.SqlJoinWithin;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * Reads the window table functions of the subqueries a join joins (Flink's window joins, such as
 * Nexmark's q8): each such side, {@code (SELECT ... FROM TABLE(TUMBLE(...)) GROUP BY ...,
 * window_start, window_end) AS p}, is rewritten as the outermost SELECT's window table function
 * would be, and its window is returned, sides left to right, for the aggregation Calcite makes of
 * it. Such an aggregation writes each window's rows once, when the window closes (EMIT FINAL), so
 * the join reads it as a stream. A side may also aggregate such a subquery again per window.
 */
final class JoinSideWindows {

  /**
   * The window of a join side's aggregation; {@code ofInput} for one that aggregates a windowed
   * aggregation again per window (see {@link WindowReaggregation}), whose rows come with their windows.
   */
  record SideWindow(WindowSpec window, boolean ofInput) {}

  private JoinSideWindows() {}

  /** The windows of the windowed subqueries {@code from} joins, left to right; each subquery rewritten in place. */
  static List<SideWindow> rewrite(SqlNode from, CatalogView catalog) {
    List<SideWindow> windows = new ArrayList<>();
    if (from instanceof SqlJoin) {
      collect(from, catalog, windows);
    }
    return windows;
  }

  private static void collect(SqlNode from, CatalogView catalog, List<SideWindow> windows) {
    if (from instanceof SqlJoin join) {
      collect(join.getLeft(), catalog, windows);
      collect(join.getRight(), catalog, windows);
    } else if (from instanceof SqlJoinWithin within) {
      collect(within.table(), catalog, windows);
    } else if (from.getKind() == SqlKind.AS && ((SqlBasicCall) from).operand(0) instanceof SqlSelect side) {
      WindowedQuery windowed = WindowTableFunctions.rewrite(side, catalog, true);
      if (windowed == null) {
        WindowedQuery inner = WindowReaggregation.rewrite(side, catalog);
        if (inner != null) {
          // Calcite's plan meets the outer aggregation first, then the inner one below it.
          windows.add(new SideWindow(inner.window(), true));
          windows.add(new SideWindow(inner.window(), false));
        }
        return;
      }
      if (windowed.window().type() == WindowType.SESSION) {
        throw new PlanningException("A join of session windows is not supported yet: join TUMBLE or HOP windows",
            windowed.windowPosition());
      }
      WindowBoundRewriter.rewrite(side, true);
      windows.add(new SideWindow(windowed.window(), false));
    }
  }
}

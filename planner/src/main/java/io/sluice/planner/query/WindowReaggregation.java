package io.sluice.planner.query;

import io.sluice.plan.WindowType;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.Util;

/**
 * Reads a join side that aggregates a window table function's aggregation again, per window
 * (Nexmark's q5: the highest bid count of each window), {@code (SELECT MAX(num) AS maxn, starttime,
 * endtime FROM (SELECT COUNT(*) AS num, window_start AS starttime, window_end AS endtime FROM
 * TABLE(HOP(...)) GROUP BY auction, window_start, window_end) c GROUP BY starttime, endtime) m}: the
 * outer GROUP BY must hold the inner query's window bounds, which makes the outer aggregation one
 * per window of the inner one, over the same windows. Both queries are rewritten in place: the
 * inner as {@link WindowTableFunctions} rewrites a join side, the outer without the bounds in its
 * GROUP BY and with its references to them made window bound functions, as of its own window.
 */
final class WindowReaggregation {

  private WindowReaggregation() {}

  /** The inner aggregation's window, or null if {@code side} does not aggregate a window table function's aggregation. */
  static WindowedQuery rewrite(SqlSelect side, CatalogView catalog) {
    SqlNode from = side.getFrom();
    if (from != null && from.getKind() == SqlKind.AS) {
      from = ((SqlBasicCall) from).operand(0);
    }
    if (!(from instanceof SqlSelect inner) || !readsTableFunction(inner) || side.getGroup() == null) {
      return null;
    }
    String start = boundName(inner, WindowTableFunctions.START);
    String end = boundName(inner, WindowTableFunctions.END);
    WindowedQuery windowed = WindowTableFunctions.rewrite(inner, catalog, true);
    if (windowed.window().type() == WindowType.SESSION) {
      throw new PlanningException("A join of session windows is not supported yet: join TUMBLE or HOP windows",
          windowed.windowPosition());
    }
    WindowBoundRewriter.rewrite(inner, true);
    SqlNodeList group = side.getGroup();
    List<SqlNode> keys = new ArrayList<>();
    boolean startGrouped = false;
    boolean endGrouped = false;
    for (SqlNode item : group) {
      if (start != null && WindowBoundRewriter.names(item, start)) {
        startGrouped = true;
      } else if (end != null && WindowBoundRewriter.names(item, end)) {
        endGrouped = true;
      } else {
        keys.add(item);
      }
    }
    if (!startGrouped || !endGrouped) {
      throw new PlanningException("An aggregation of a windowed aggregation is supported per window only: select "
          + "window_start and window_end in the inner query and GROUP BY both"
          + (start != null && end != null ? " (" + start + " and " + end + ")" : ""), group.getParserPosition());
    }
    side.setGroupBy(new SqlNodeList(keys, group.getParserPosition()));
    keepNames(side, start, end);
    WindowBoundRewriter.rewrite(side, start, end);
    return windowed;
  }

  /** Names the bounds selected as plain columns as they are named, which their rewriting into functions would lose. */
  private static void keepNames(SqlSelect side, String start, String end) {
    List<SqlNode> items = new ArrayList<>();
    for (SqlNode item : side.getSelectList()) {
      boolean bound = WindowBoundRewriter.names(item, start) || WindowBoundRewriter.names(item, end);
      items.add(!bound ? item : SqlStdOperatorTable.AS.createCall(item.getParserPosition(), item,
          new SqlIdentifier(Util.last(((SqlIdentifier) item).names), item.getParserPosition())));
    }
    side.setSelectList(new SqlNodeList(items, side.getSelectList().getParserPosition()));
  }

  private static boolean readsTableFunction(SqlSelect select) {
    SqlNode from = select.getFrom();
    if (from != null && from.getKind() == SqlKind.AS) {
      from = ((SqlBasicCall) from).operand(0);
    }
    return from != null && from.getKind() == SqlKind.COLLECTION_TABLE;
  }

  /** The name the inner query's SELECT list gives the window bound {@code bound}, or null if it does not select it. */
  private static String boundName(SqlSelect inner, String bound) {
    for (SqlNode item : inner.getSelectList()) {
      if (item.getKind() == SqlKind.AS && WindowBoundRewriter.names(((SqlCall) item).operand(0), bound)) {
        return ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
      }
      if (WindowBoundRewriter.names(item, bound)) {
        return bound;
      }
    }
    return null;
  }
}

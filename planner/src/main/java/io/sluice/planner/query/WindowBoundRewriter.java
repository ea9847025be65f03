package io.sluice.planner.query;

import io.sluice.plan.WindowSpec;
import io.sluice.planner.calcite.WindowBoundFunctions;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Replaces the window bounds named in a windowed aggregation's SELECT list and HAVING clause with
 * calls of {@link WindowBoundFunctions}: WINDOWSTART and WINDOWEND under ksqlDB's WINDOW clause,
 * window_start and window_end over a window table function. Elsewhere they stay names, which
 * Calcite then reports as unknown columns.
 */
final class WindowBoundRewriter extends SqlShuttle {

  private final String startName;
  private final String endName;
  private final SqlAggFunction start;
  private final SqlAggFunction end;

  private WindowBoundRewriter(String startName, String endName, boolean tableFunction) {
    this.startName = startName;
    this.endName = endName;
    this.start = tableFunction ? WindowBoundFunctions.WINDOW_START : WindowBoundFunctions.WINDOWSTART;
    this.end = tableFunction ? WindowBoundFunctions.WINDOW_END : WindowBoundFunctions.WINDOWEND;
  }

  /** Rewrites {@code select}'s SELECT list and HAVING clause in place. */
  static void rewrite(SqlSelect select, boolean tableFunction) {
    rewrite(select, tableFunction ? new WindowBoundRewriter(WindowTableFunctions.START, WindowTableFunctions.END, true)
        : new WindowBoundRewriter(WindowSpec.START_COLUMN, WindowSpec.END_COLUMN, false));
  }

  /**
   * Rewrites the columns {@code startName} and {@code endName} of {@code select}'s SELECT list and
   * HAVING clause in place as window_start and window_end (TIMESTAMP): a re-aggregation's names
   * for the window bounds of the aggregation it reads.
   */
  static void rewrite(SqlSelect select, String startName, String endName) {
    rewrite(select, new WindowBoundRewriter(startName, endName, true));
  }

  private static void rewrite(SqlSelect select, WindowBoundRewriter rewriter) {
    List<SqlNode> items = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      items.add(item.accept(rewriter));
    }
    select.setSelectList(new SqlNodeList(items, select.getSelectList().getParserPosition()));
    if (select.getHaving() != null) {
      select.setHaving(select.getHaving().accept(rewriter));
    }
  }

  /** True if {@code node} is the column {@code name}, qualified or not. */
  static boolean names(SqlNode node, String name) {
    return node instanceof SqlIdentifier id && !id.isStar() && id.names.size() <= 2
        && id.names.get(id.names.size() - 1).equals(name);
  }

  @Override
  public SqlNode visit(SqlIdentifier id) {
    if (names(id, startName)) {
      return start.createCall(id.getParserPosition());
    }
    if (names(id, endName)) {
      return end.createCall(id.getParserPosition());
    }
    return id;
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (call.getKind() == SqlKind.AS) {
      List<SqlNode> operands = new ArrayList<>(call.getOperandList());
      operands.set(0, operands.get(0).accept(this));
      return call.getOperator().createCall(call.getParserPosition(), operands);
    }
    if (call.getKind() == SqlKind.SELECT) {
      return call;
    }
    return super.visit(call);
  }
}

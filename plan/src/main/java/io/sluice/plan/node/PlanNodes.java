package io.sluice.plan.node;

import io.sluice.plan.EmitMode;
import io.sluice.plan.RowSchema;
import io.sluice.plan.TypeName;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Operator;
import java.util.List;
import java.util.Objects;

/** Facts about the rows a plan node emits that follow from the nodes upstream of it. */
public final class PlanNodes {

  private PlanNodes() {}

  /**
   * The column a join key reads as is or CAST to TIMESTAMP or BIGINT, one-to-one, so that no two
   * window bounds share a key (how window joins name a window bound); -1 for any other expression.
   */
  public static int boundColumnOf(Expr key) {
    Expr operand = key;
    if (key instanceof Call call && call.op() == Operator.CAST
        && (key.type().name() == TypeName.TIMESTAMP || key.type().name() == TypeName.BIGINT)) {
      operand = call.operands().get(0);
    }
    return operand instanceof InputRef ref && ref.type().name() == TypeName.BIGINT ? ref.index() : -1;
  }

  /** The window of the aggregation upstream of {@code node}, or null if its rows are not windowed. */
  public static WindowSpec window(PlanNode node) {
    AggregateNode aggregate = aggregateOf(node);
    return aggregate == null ? null : aggregate.window();
  }

  /** True if {@code node} emits a changelog (a table: updates and deletes by key), not a stream of events. */
  public static boolean emitsTable(PlanNode node) {
    if (node instanceof SourceNode source) {
      return source.table();
    }
    if (node instanceof AggregateNode) {
      return true;
    }
    if (node instanceof JoinNode join) {
      return join.kind() == JoinKind.TABLE_TABLE || join.kind() == JoinKind.FOREIGN_KEY;
    }
    if (node instanceof WindowTopNode || node instanceof WindowJoinNode || node instanceof WindowMaxJoinNode) {
      return false;
    }
    return node.inputs().stream().anyMatch(PlanNodes::emitsTable);
  }

  /**
   * The aggregation whose results {@code node}'s rows are, upstream of it, or null. A join's rows
   * are not an aggregation's, even when a side of it aggregates (a window join), nor are a window
   * top's or a window max join's (each stands for such a join).
   */
  public static AggregateNode aggregateOf(PlanNode node) {
    if (node instanceof AggregateNode aggregate) {
      return aggregate;
    }
    if (node instanceof JoinNode || node instanceof WindowTopNode || node instanceof WindowJoinNode
        || node instanceof WindowMaxJoinNode) {
      return null;
    }
    for (PlanNode input : node.inputs()) {
      AggregateNode found = aggregateOf(input);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * True if {@code node}'s rows are a windowed aggregation's EMIT FINAL rows, through projections
   * and filters only, which keep each row's window in its record key.
   */
  public static boolean readsFinalWindows(PlanNode node) {
    PlanNode upstream = node;
    while (upstream instanceof ProjectNode || upstream instanceof FilterNode) {
      upstream = upstream.inputs().get(0);
    }
    return upstream instanceof AggregateNode aggregate && aggregate.window() != null
        && aggregate.emit() == EmitMode.FINAL;
  }

  /**
   * Checks the fields a step standing for a join with a per-window maximum shares (a window top, a
   * window max join): its rows are its input's followed by three columns (the maximum, the window's
   * start and end), keyed by one expression per join key column. {@code what} names the step in
   * the message.
   */
  static void checkWindowMaximumStep(String what, PlanNode input, List<Expr> keys, JoinKey key, WindowSpec window,
      String storeName, RowSchema schema) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(storeName, "storeName");
    if (keys.size() != key.columns().size()) {
      throw new IllegalArgumentException(what + ": one key expression per key column");
    }
    if (schema.size() != input.schema().size() + 3) {
      throw new IllegalArgumentException(what + ": schema has " + schema.size()
          + " columns, expected the input's and three more");
    }
  }
}

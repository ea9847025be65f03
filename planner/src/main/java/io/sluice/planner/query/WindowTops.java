package io.sluice.planner.query;

import io.sluice.plan.RowSchema;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Conditions;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Operator;
import io.sluice.plan.node.AggregateCall;
import io.sluice.plan.node.AggregateFunction;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinKind;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.JoinType;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.WindowTopNode;
import java.util.List;

/**
 * Replaces a join of a windowed aggregation's rows with their own greatest value per window, kept
 * where the value is at least that greatest value, by one step that finds each window's greatest
 * value and its rows ({@link WindowTopNode}; Nexmark's q5, "the auctions with the most bids of each
 * window").
 *
 * <p>The join it replaces is an unbounded inner stream-stream join whose right side is a
 * re-aggregation per window of its left side's rows ({@code SELECT MAX(v), window bounds ... GROUP BY
 * the window bounds}, the very step the left side is, as {@link SharedSubtrees} makes it), joined on
 * the window bounds (each key a bound or its CAST, the same bound on both sides), and either on
 * {@code v = max} too or under a filter with the conjunct {@code v >= max} or {@code v = max}. Such
 * a join keeps every left row and repartitions each twice (once to the join, once to the maximum);
 * the step keeps per window only the rows at the greatest value so far, and each input partition
 * sends on only the rows at or above its own.
 *
 * <p>The results are the join's but for late rows: a left row arriving after its window's maximum was
 * written still joined it when at least as great; the step drops it as late, as the maximum did.
 */
final class WindowTops {

  private WindowTops() {}

  /** {@code root}'s tree with each such join replaced. */
  static ProjectNode fuse(ProjectNode root) {
    return (ProjectNode) fused(root);
  }

  private static PlanNode fused(PlanNode node) {
    List<PlanNode> inputs = node.inputs().stream().map(WindowTops::fused).toList();
    if (node instanceof FilterNode filter && inputs.get(0) instanceof JoinNode join) {
      WindowTopNode top = top(join, filter.predicate());
      if (top != null) {
        return new FilterNode(filter.id(), top, filter.predicate());
      }
    }
    if (node instanceof JoinNode join) {
      WindowTopNode top = top(join, null);
      if (top != null) {
        return top;
      }
    }
    return inputs.equals(node.inputs()) ? node : NodeCopies.rebuild(node, inputs, node);
  }

  /**
   * The window top standing for {@code join} filtered by {@code predicate} (null for none), or null
   * if it is not such a join.
   */
  private static WindowTopNode top(JoinNode join, Expr predicate) {
    if (join.kind() != JoinKind.STREAM_STREAM || join.type() != JoinType.INNER || join.window() != null
        || join.broadcasts()) {
      return null;
    }
    PlanNode rows = join.left().input();
    if (!(join.right().input() instanceof AggregateNode max) || !max.reaggregatesWindows() || !max.groupBy().isEmpty()
        || max.aggregates().size() != 1 || !max.input().equals(rows) || !PlanNodes.readsFinalWindows(rows)) {
      return null;
    }
    AggregateCall call = max.aggregates().get(0);
    if (call.function() != AggregateFunction.MAX || !(call.args().get(0) instanceof InputRef value)) {
      return null;
    }
    RowSchema rowSchema = rows.schema();
    RowSchema maxSchema = max.schema();
    if (maxSchema.size() != 3 || !maxSchema.column(1).name().equals(WindowSpec.START_COLUMN)
        || !maxSchema.column(2).name().equals(WindowSpec.END_COLUMN)) {
      return null;
    }
    WindowTopNode top;
    try {
      top = new WindowTopNode(join.id(), rows, value.index(), join.left().keys(), join.key(), max.window(),
          join.id() + "-store", join.schema());
    } catch (IllegalArgumentException notWindowed) {
      return null;
    }
    Keys keys = keys(join, top.startIndex(), top.endIndex(), value.index());
    if (keys == null || !keys.onWindow()
        || !keys.onMax() && (predicate == null || !keepsAtLeastMax(predicate, value.index(), rowSchema.size()))) {
      return null;
    }
    return top;
  }

  /** Whether a join's keys name its window (a bound of each side), and its value and maximum. */
  private record Keys(boolean onWindow, boolean onMax) {}

  /**
   * What {@code join}'s key pairs equate, or null if one pair is neither the same window bound of
   * both sides, each the bound or its CAST to a timestamp or number (one-to-one, so no two windows
   * share a key), nor the left side's value and the right side's maximum.
   */
  private static Keys keys(JoinNode join, int start, int end, int value) {
    boolean onWindow = false;
    boolean onMax = false;
    for (int i = 0; i < join.left().keys().size(); i++) {
      Expr leftKey = join.left().keys().get(i);
      Expr rightKey = join.right().keys().get(i);
      if (leftKey instanceof InputRef l && rightKey instanceof InputRef r && l.index() == value && r.index() == 0) {
        onMax = true;
        continue;
      }
      int left = PlanNodes.boundColumnOf(leftKey);
      int right = PlanNodes.boundColumnOf(rightKey);
      boolean sameBound = left == start && right == 1 || left == end && right == 2;
      boolean sameForm = leftKey.getClass() == rightKey.getClass() && leftKey.type().equals(rightKey.type());
      if (!sameBound || !sameForm) {
        return null;
      }
      onWindow = true;
    }
    return new Keys(onWindow, onMax);
  }

  /** True if one of {@code predicate}'s conjuncts is {@code value >= max} or {@code value = max} (either way round). */
  private static boolean keepsAtLeastMax(Expr predicate, int value, int maxSlot) {
    for (Expr conjunct : Conditions.split(predicate, Operator.AND)) {
      if (!(conjunct instanceof Call call) || call.operands().size() != 2
          || !(call.operands().get(0) instanceof InputRef a) || !(call.operands().get(1) instanceof InputRef b)) {
        continue;
      }
      boolean valueFirst = a.index() == value && b.index() == maxSlot;
      boolean maxFirst = a.index() == maxSlot && b.index() == value;
      if (call.op() == Operator.EQUALS && (valueFirst || maxFirst)
          || call.op() == Operator.GREATER_THAN_OR_EQUAL && valueFirst
          || call.op() == Operator.LESS_THAN_OR_EQUAL && maxFirst) {
        return true;
      }
    }
    return false;
  }
}

package io.sluice.planner.query;

import io.sluice.plan.EmitMode;
import io.sluice.plan.TypeName;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Conditions;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Literal;
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
import io.sluice.plan.node.WindowMaxJoinNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces an unbounded inner join of a stream's rows with their own MAX per tumbling or hopping
 * window, on the value and the maximum, under a filter that bounds the window by a time column of
 * the row, by one step ({@link WindowMaxJoinNode}; Nexmark's q7, "the bids at the highest price of
 * the window ending within 10 s after them").
 *
 * <p>The join it replaces keeps every row of the stream forever, and brings all of them to the one
 * task of the maximum. The step keeps in each input partition, in memory, the greatest value it has
 * seen per window, sends on only the rows at or above it (for their own windows or those near them),
 * and keeps per window only the rows at the greatest value so far.
 *
 * <p>The right side must be the aggregation itself ({@code SELECT MAX(v), window bounds ... GROUP BY
 * the window bounds}) over the very rows of the left side, or the rows the left side projects; the
 * join is on {@code v = max} alone; and the filter must bound the window's start or end from both
 * sides by one time column of the row (TIMESTAMP or BIGINT, as is or plus a constant), as
 * {@code B.dateTime BETWEEN B1.window_end - INTERVAL '10' SECOND AND B1.window_end} does. The filter
 * stays above the step, which writes the joined rows of the windows in that range or a wider one.
 *
 * <p>The results are the join's but for late rows: the join still joins a row whose window of the
 * range closed before it arrived, and the step drops it as late.
 */
final class WindowMaxJoins {

  private WindowMaxJoins() {}

  /** {@code root}'s tree with each such join replaced. */
  static ProjectNode fuse(ProjectNode root) {
    return (ProjectNode) fused(root);
  }

  private static PlanNode fused(PlanNode node) {
    List<PlanNode> inputs = node.inputs().stream().map(WindowMaxJoins::fused).toList();
    if (node instanceof FilterNode filter && inputs.get(0) instanceof JoinNode join) {
      WindowMaxJoinNode step = step(join, filter.predicate());
      if (step != null) {
        return new FilterNode(filter.id(), step, filter.predicate());
      }
    }
    return inputs.equals(node.inputs()) ? node : NodeCopies.rebuild(node, inputs, node);
  }

  /** The step standing for {@code join} under {@code predicate}, or null if it is not such a join. */
  private static WindowMaxJoinNode step(JoinNode join, Expr predicate) {
    if (join.kind() != JoinKind.STREAM_STREAM || join.type() != JoinType.INNER || join.window() != null
        || join.left().keys().size() != 1) {
      return null;
    }
    PlanNode rows = join.left().input();
    if (!(join.right().input() instanceof AggregateNode max) || !isWindowMax(max)
        || !(join.left().keys().get(0) instanceof InputRef value)
        || !(join.right().keys().get(0) instanceof InputRef maxRef) || maxRef.index() != 0
        || !max.aggregates().get(0).args().get(0).equals(aggregated(rows, max.input(), value))) {
      return null;
    }
    TimeRange range = TimeRange.of(predicate, rows.schema().size(), max.window().size());
    if (range == null || WindowMaxJoinNode.candidateWindows(max.window(), range.endFrom(), range.endTo())
        > WindowMaxJoinNode.MAX_CANDIDATE_WINDOWS) {
      return null;
    }
    return new WindowMaxJoinNode(join.id(), rows, value.index(), range.timeIndex(), range.endFrom(), range.endTo(),
        join.left().keys(), join.key(), max.window(), join.id() + "-store", join.schema());
  }

  /** True for {@code SELECT MAX(column) ... GROUP BY} a tumbling or hopping window's bounds, written once per window. */
  private static boolean isWindowMax(AggregateNode max) {
    WindowSpec window = max.window();
    if (window == null || window.type() == WindowType.SESSION || max.emit() != EmitMode.FINAL
        || max.reaggregatesWindows() || !max.groupBy().isEmpty() || max.aggregates().size() != 1
        || PlanNodes.emitsTable(max.input())) {
      return false;
    }
    AggregateCall call = max.aggregates().get(0);
    return call.function() == AggregateFunction.MAX && call.args().size() == 1 && max.schema().size() == 3
        && max.schema().column(1).name().equals(WindowSpec.START_COLUMN)
        && max.schema().column(2).name().equals(WindowSpec.END_COLUMN);
  }

  /**
   * What the left side's column {@code value} is over the aggregation's input {@code aggregated}:
   * itself when the left side reads those rows, its expression when it projects them, else null.
   */
  private static Expr aggregated(PlanNode rows, PlanNode aggregated, InputRef value) {
    if (rows.equals(aggregated)) {
      return value;
    }
    if (rows instanceof ProjectNode project && project.input().equals(aggregated)) {
      return project.expressions().get(value.index());
    }
    return null;
  }

  /**
   * The windows a row may join: those whose end lies between its column {@code timeIndex} plus
   * {@code endFrom} and plus {@code endTo}, in milliseconds.
   */
  record TimeRange(int timeIndex, long endFrom, long endTo) {

    /**
     * The range {@code predicate}'s conjuncts set for some time column of the row's
     * {@code rowColumns} (the join's first columns; the maximum, window start and end follow), or
     * null if none bounds the window from both sides. A strict bound is taken as the inclusive one:
     * the range may be wider than the filter's, which stays above.
     */
    static TimeRange of(Expr predicate, int rowColumns, long windowSize) {
      Map<Integer, long[]> bounds = new HashMap<>();
      for (Expr conjunct : Conditions.split(predicate, Operator.AND)) {
        if (!(conjunct instanceof Call call) || call.operands().size() != 2) {
          continue;
        }
        boolean timeFirst = isTimeColumn(call.operands().get(0), rowColumns);
        if (!timeFirst && !isTimeColumn(call.operands().get(1), rowColumns)) {
          continue;
        }
        Operator op = timeFirst ? call.op() : mirrored(call.op());
        InputRef column = (InputRef) call.operands().get(timeFirst ? 0 : 1);
        Expr window = call.operands().get(timeFirst ? 1 : 0);
        if (op == null) {
          continue;
        }
        // column OP bound + offset, where bound is the window's start or end: turned into a bound on its end.
        Long offset = endOffset(window, column, rowColumns, windowSize);
        if (offset == null) {
          continue;
        }
        long[] range = bounds.computeIfAbsent(column.index(), i -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
        if (op == Operator.LESS_THAN_OR_EQUAL || op == Operator.LESS_THAN || op == Operator.EQUALS) {
          range[0] = Math.max(range[0], -offset);
        }
        if (op == Operator.GREATER_THAN_OR_EQUAL || op == Operator.GREATER_THAN || op == Operator.EQUALS) {
          range[1] = Math.min(range[1], -offset);
        }
      }
      for (Map.Entry<Integer, long[]> entry : bounds.entrySet()) {
        long[] range = entry.getValue();
        if (range[0] != Long.MIN_VALUE && range[1] != Long.MAX_VALUE) {
          return new TimeRange(entry.getKey(), range[0], range[1]);
        }
      }
      return null;
    }

    private static boolean isTimeColumn(Expr expr, int rowColumns) {
      return expr instanceof InputRef column && column.index() < rowColumns
          && (column.type().name() == TypeName.TIMESTAMP || column.type().name() == TypeName.BIGINT);
    }

    /** {@code op} with its operands swapped, or null for an operator that bounds nothing. */
    private static Operator mirrored(Operator op) {
      return switch (op) {
        case LESS_THAN -> Operator.GREATER_THAN;
        case LESS_THAN_OR_EQUAL -> Operator.GREATER_THAN_OR_EQUAL;
        case GREATER_THAN -> Operator.LESS_THAN;
        case GREATER_THAN_OR_EQUAL -> Operator.LESS_THAN_OR_EQUAL;
        case EQUALS -> Operator.EQUALS;
        default -> null;
      };
    }

    /**
     * {@code c} such that {@code expr} is the window's end plus {@code c} in the column's type, or
     * null when it is not a window bound (as is or CAST one-to-one) plus or minus a constant.
     */
    private static Long endOffset(Expr expr, InputRef column, int rowColumns, long windowSize) {
      long offset = 0;
      Expr bound = expr;
      if (expr instanceof Call call && call.operands().size() == 2
          && (call.op() == Operator.TIMESTAMP_PLUS || call.op() == Operator.PLUS || call.op() == Operator.MINUS)
          && call.operands().get(1) instanceof Literal literal && !literal.isNull()
          && (literal.type().name() == TypeName.BIGINT || literal.type().name() == TypeName.INTEGER)) {
        long constant = Long.parseLong(literal.value());
        offset = call.op() == Operator.MINUS ? -constant : constant;
        bound = call.operands().get(0);
      }
      if (bound.type().name() != column.type().name() || expr.type().name() != column.type().name()) {
        return null;
      }
      int slot = PlanNodes.boundColumnOf(bound);
      if (slot == rowColumns + 2) {
        return offset;
      }
      if (slot == rowColumns + 1) {
        // The start is the end less the size.
        return offset - windowSize;
      }
      return null;
    }
  }
}

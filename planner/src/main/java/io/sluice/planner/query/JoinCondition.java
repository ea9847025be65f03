package io.sluice.planner.query;

import io.sluice.plan.expr.Expr;
import io.sluice.plan.node.JoinWindow;
import io.sluice.planner.PlanningException;
import io.sluice.planner.calcite.JoinWithinMarker;
import io.sluice.planner.calcite.RexToExpr;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A join's ON condition, taken apart: the equalities between an expression of the left side and
 * one of the right side (the join key, each side's expressions over its own row), the window (a
 * WITHIN clause, or {@link TimeBounds} on the two sides' event times), and the other conjuncts
 * (over the joined row), which filter the joined rows.
 */
final class JoinCondition {

  final List<Expr> leftKeys = new ArrayList<>();
  final List<Expr> rightKeys = new ArrayList<>();
  final List<Expr> others = new ArrayList<>();
  /** Calcite's columns of the joined row, as expressions over the join node's row. */
  final List<Expr> joined = new ArrayList<>();
  JoinWindow window;

  private JoinCondition() {}

  /** Reads {@code join}'s condition over its two sides, whose plan rows are joined left then right. */
  static JoinCondition of(Join join, RexToExpr rex, RelToPlanNodes.Converted left, RelToPlanNodes.Converted right,
      SqlParserPos pos) {
    List<Expr> leftColumns = left.columns();
    List<Expr> rightColumns = right.columns();
    JoinCondition condition = new JoinCondition();
    int leftWidth = join.getLeft().getRowType().getFieldCount();
    int width = leftWidth + join.getRight().getRowType().getFieldCount();
    ImmutableBitSet leftFields = ImmutableBitSet.range(0, leftWidth);
    ImmutableBitSet rightFields = ImmutableBitSet.range(leftWidth, width);
    List<Expr> leftView = view(leftColumns, 0, width);
    List<Expr> rightView = view(rightColumns, leftWidth, width);
    List<Expr> joined = condition.joined;
    joined.addAll(leftColumns);
    int leftNodeWidth = left.node().schema().size();
    rightColumns.forEach(column -> joined.add(ExprRebase.shift(column, leftNodeWidth)));
    TimeBounds times = TimeBounds.of(left, right, leftWidth);
    // Without GRACE PERIOD, the larger of the two sides' streams' GRACE_PERIODs, else ksqlDB's 24 hours.
    long defaultGrace = StreamGrace.orDefault(StreamGrace.of(join));
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      if (times.accept(conjunct)) {
        continue;
      }
      if (JoinWithinMarker.is(conjunct)) {
        long grace = JoinWithinMarker.operand(conjunct, 2);
        condition.window = new JoinWindow(JoinWithinMarker.operand(conjunct, 0), JoinWithinMarker.operand(conjunct, 1),
            grace == JoinWithinMarker.NO_GRACE ? defaultGrace : grace);
        continue;
      }
      if (conjunct.getKind() == SqlKind.EQUALS) {
        RexNode a = ((RexCall) conjunct).getOperands().get(0);
        RexNode b = ((RexCall) conjunct).getOperands().get(1);
        ImmutableBitSet aFields = RelOptUtil.InputFinder.bits(a);
        ImmutableBitSet bFields = RelOptUtil.InputFinder.bits(b);
        if (!aFields.isEmpty() && !bFields.isEmpty()) {
          if (leftFields.contains(aFields) && rightFields.contains(bFields)) {
            condition.addKey(rex, a, b, leftView, rightView);
            continue;
          }
          if (leftFields.contains(bFields) && rightFields.contains(aFields)) {
            condition.addKey(rex, b, a, leftView, rightView);
            continue;
          }
        }
      }
      condition.others.add(ExprRebase.onto(rex.translate(conjunct), joined));
    }
    if (times.given()) {
      if (condition.window != null) {
        throw new PlanningException("A join's window is given either by WITHIN or by conditions on the two sides' "
            + "times, not both", pos);
      }
      condition.window = times.window(defaultGrace, pos);
    }
    if (condition.leftKeys.isEmpty()) {
      throw new PlanningException("A join needs an ON condition with an equality between an expression of each "
          + "side, such as a.id = b.id", pos);
    }
    return condition;
  }

  private void addKey(RexToExpr rex, RexNode left, RexNode right, List<Expr> leftView, List<Expr> rightView) {
    leftKeys.add(ExprRebase.onto(rex.translate(left), leftView));
    rightKeys.add(ExprRebase.onto(rex.translate(right), rightView));
  }

  /** Calcite's columns of the whole joined row, as expressions over one side's row (null for the other side's). */
  private static List<Expr> view(List<Expr> columns, int offset, int width) {
    List<Expr> view = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      view.add(i >= offset && i < offset + columns.size() ? columns.get(i - offset) : null);
    }
    return view;
  }

}

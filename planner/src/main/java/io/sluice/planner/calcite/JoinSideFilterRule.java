package io.sluice.planner.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilderFactory;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Moves the conjuncts of a filter above a join that read only one side's columns into that side,
 * so that records the WHERE clause rejects are dropped before the join repartitions and stores them.
 *
 * <p>It moves conjuncts only into a side whose rows the join type keeps whatever they match: both
 * sides of an INNER join, the left of a LEFT join, the right of a RIGHT join, neither of a FULL
 * join; the join type never changes. A conjunct over both sides, over no column, or not
 * deterministic stays above the join. Joins whose ON condition is more than equalities between
 * the sides (a WITHIN window, time bounds, other conditions) are left alone: a windowed join judges
 * late records and emits unmatched outer rows by the stream time of the records it reads, which
 * records filtered out below it would no longer advance.
 */
final class JoinSideFilterRule extends RelRule<JoinSideFilterRule.Config> {

  static final JoinSideFilterRule INSTANCE = new JoinSideFilterRule(new Config("JoinSideFilterRule"));

  private JoinSideFilterRule(Config config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    LogicalJoin join = call.rel(1);
    if (!joinsOnKeysOnly(join)) {
      return;
    }
    JoinRelType type = join.getJoinType();
    boolean intoLeft = type == JoinRelType.INNER || type == JoinRelType.LEFT;
    boolean intoRight = type == JoinRelType.INNER || type == JoinRelType.RIGHT;
    int leftWidth = join.getLeft().getRowType().getFieldCount();
    ImmutableBitSet leftFields = ImmutableBitSet.range(0, leftWidth);
    ImmutableBitSet rightFields = ImmutableBitSet.range(leftWidth, join.getRowType().getFieldCount());
    List<RexNode> leftConjuncts = new ArrayList<>();
    List<RexNode> rightConjuncts = new ArrayList<>();
    List<RexNode> kept = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      ImmutableBitSet fields = RelOptUtil.InputFinder.bits(conjunct);
      boolean movable = !fields.isEmpty() && RexUtil.isDeterministic(conjunct);
      if (movable && intoLeft && leftFields.contains(fields)) {
        leftConjuncts.add(conjunct);
      } else if (movable && intoRight && rightFields.contains(fields)) {
        rightConjuncts.add(RexUtil.shift(conjunct, -leftWidth));
      } else {
        kept.add(conjunct);
      }
    }
    if (leftConjuncts.isEmpty() && rightConjuncts.isEmpty()) {
      return;
    }
    RexBuilder rex = join.getCluster().getRexBuilder();
    RelNode left = filtered(join.getLeft(), leftConjuncts, rex);
    RelNode right = filtered(join.getRight(), rightConjuncts, rex);
    RelNode joined = join.copy(join.getTraitSet(), join.getCondition(), left, right, type, join.isSemiJoinDone());
    call.transformTo(kept.isEmpty() ? joined : LogicalFilter.create(joined, RexUtil.composeConjunction(rex, kept)));
  }

  /** True if every conjunct of the join's condition equates an expression of one side with one of the other. */
  private static boolean joinsOnKeysOnly(LogicalJoin join) {
    int leftWidth = join.getLeft().getRowType().getFieldCount();
    ImmutableBitSet leftFields = ImmutableBitSet.range(0, leftWidth);
    ImmutableBitSet rightFields = ImmutableBitSet.range(leftWidth, join.getRowType().getFieldCount());
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      if (conjunct.getKind() != SqlKind.EQUALS) {
        return false;
      }
      List<RexNode> operands = ((RexCall) conjunct).getOperands();
      ImmutableBitSet a = RelOptUtil.InputFinder.bits(operands.get(0));
      ImmutableBitSet b = RelOptUtil.InputFinder.bits(operands.get(1));
      if (a.isEmpty() || b.isEmpty()) {
        return false;
      }
      boolean leftThenRight = leftFields.contains(a) && rightFields.contains(b);
      boolean rightThenLeft = rightFields.contains(a) && leftFields.contains(b);
      if (!leftThenRight && !rightThenLeft) {
        return false;
      }
    }
    return true;
  }

  private static RelNode filtered(RelNode input, List<RexNode> conjuncts, RexBuilder rex) {
    return conjuncts.isEmpty() ? input : LogicalFilter.create(input, RexUtil.composeConjunction(rex, conjuncts));
  }

  /** The rule's configuration: a filter directly above a join. */
  record Config(String description) implements RelRule.Config {

    @Override
    public RelOptRule toRule() {
      return new JoinSideFilterRule(this);
    }

    @Override
    public RelRule.OperandTransform operandSupplier() {
      return filter -> filter.operand(LogicalFilter.class)
          .oneInput(join -> join.operand(LogicalJoin.class).anyInputs());
    }

    @Override
    public RelRule.Config withDescription(String description) {
      return new Config(description);
    }

    @Override
    public RelRule.Config withRelBuilderFactory(RelBuilderFactory factory) {
      throw new UnsupportedOperationException("the rule builds its relations itself");
    }

    @Override
    public RelRule.Config withOperandSupplier(RelRule.OperandTransform transform) {
      throw new UnsupportedOperationException("the rule matches a filter above a join only");
    }
  }
}

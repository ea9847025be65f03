package io.sluice.planner.query;

import io.sluice.plan.PseudoColumn;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinWindow;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.planner.PlanningException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The standard SQL form of a stream-stream join's window: conditions that bound one side's event
 * time by the other's, such as {@code a.ts BETWEEN b.ts - INTERVAL '10' SECOND AND b.ts}. Each
 * such conjunct compares an event-time column of each side (ROWTIME, or the source's TIMESTAMP
 * column), either plus or minus a constant (an INTERVAL, or milliseconds for a BIGINT). Together
 * they must bound the right record's time from below and above around the left record's; the
 * window is then the same as {@code WITHIN (before, after)}.
 */
final class TimeBounds {

  /** The join-row fields that are event time, per side. */
  private final Set<Integer> leftTimes;
  private final Set<Integer> rightTimes;
  /** Bounds on the right record's time minus the left's, inclusive; null while not given. */
  private Long lowest;
  private Long highest;

  private TimeBounds(Set<Integer> leftTimes, Set<Integer> rightTimes) {
    this.leftTimes = leftTimes;
    this.rightTimes = rightTimes;
  }

  /** The time bounds of a join whose sides have these plan nodes and Calcite columns. */
  static TimeBounds of(RelToPlanNodes.Converted left, RelToPlanNodes.Converted right, int leftWidth) {
    return new TimeBounds(timeFields(left, 0), timeFields(right, leftWidth));
  }

  /** Takes {@code conjunct} as a time bound if it is one; returns whether it was. */
  boolean accept(RexNode conjunct) {
    SqlKind kind = conjunct.getKind();
    boolean less = kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL;
    boolean greater = kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL;
    if (!less && !greater) {
      return false;
    }
    boolean strict = kind == SqlKind.LESS_THAN || kind == SqlKind.GREATER_THAN;
    Term a = Term.of(((RexCall) conjunct).getOperands().get(0));
    Term b = Term.of(((RexCall) conjunct).getOperands().get(1));
    if (a == null || b == null) {
      return false;
    }
    Term leftTerm;
    Term rightTerm;
    boolean leftIsLess;
    if (leftTimes.contains(a.field()) && rightTimes.contains(b.field())) {
      leftTerm = a;
      rightTerm = b;
      leftIsLess = less;
    } else if (rightTimes.contains(a.field()) && leftTimes.contains(b.field())) {
      leftTerm = b;
      rightTerm = a;
      leftIsLess = greater;
    } else {
      return false;
    }
    // left + lo (< or <=) right + ro  <=>  right - left (> or >=) lo - ro; and the other way round.
    long difference = leftTerm.offset() - rightTerm.offset();
    if (leftIsLess) {
      long bound = strict ? difference + 1 : difference;
      lowest = lowest == null ? bound : Math.max(lowest, bound);
    } else {
      long bound = strict ? difference - 1 : difference;
      highest = highest == null ? bound : Math.min(highest, bound);
    }
    return true;
  }

  /** True if any conjunct bounded the times. */
  boolean given() {
    return lowest != null || highest != null;
  }

  /** The window the bounds give, with {@code grace}; refuses bounds on one side only or ones that exclude equal times. */
  JoinWindow window(long grace, SqlParserPos pos) {
    if (lowest == null || highest == null) {
      throw new PlanningException("The time conditions of a join must bound the right record's time from below "
          + "and from above, such as a.ts BETWEEN b.ts - INTERVAL '10' SECOND AND b.ts", pos);
    }
    if (lowest > 0 || highest < 0) {
      throw new PlanningException("The time conditions of a join must let records of the same time join (the "
          + "window must contain 0); records " + lowest + " to " + highest + " ms apart are not supported", pos);
    }
    return new JoinWindow(-lowest, highest, grace);
  }

  /** An event-time field plus a constant number of milliseconds. */
  private record Term(int field, long offset) {

    static Term of(RexNode node) {
      if (node instanceof RexInputRef ref) {
        return new Term(ref.getIndex(), 0);
      }
      if (!(node instanceof RexCall call) || call.getOperands().size() != 2
          || (call.getKind() != SqlKind.PLUS && call.getKind() != SqlKind.MINUS)) {
        return null;
      }
      RexNode first = call.getOperands().get(0);
      RexNode second = call.getOperands().get(1);
      Long constant = millis(second);
      if (first instanceof RexInputRef ref && constant != null) {
        return new Term(ref.getIndex(), call.getKind() == SqlKind.PLUS ? constant : -constant);
      }
      constant = millis(first);
      if (call.getKind() == SqlKind.PLUS && second instanceof RexInputRef ref && constant != null) {
        return new Term(ref.getIndex(), constant);
      }
      return null;
    }

    /** A constant's milliseconds: an INTERVAL literal's, or a whole number's. */
    private static Long millis(RexNode node) {
      if (!(node instanceof RexLiteral literal) || literal.getValue() == null) {
        return null;
      }
      BigDecimal value = literal.getValueAs(BigDecimal.class);
      return value == null ? null : value.longValue();
    }
  }

  /** The Calcite fields (numbered in the joined row from {@code offset}) of a side that are its event time. */
  private static Set<Integer> timeFields(RelToPlanNodes.Converted side, int offset) {
    Set<Integer> fields = new HashSet<>();
    PlanNode node = side.node();
    while (node instanceof FilterNode filter) {
      node = filter.input();
    }
    if (!(node instanceof SourceNode source)) {
      return fields;
    }
    int rowtime = source.schema().indexOf(PseudoColumn.ROWTIME.name());
    int column = source.timestamp() == null ? -1 : source.timestamp().columnIndex();
    List<Expr> columns = side.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) instanceof InputRef ref && (ref.index() == rowtime || ref.index() == column)) {
        fields.add(offset + i);
      }
    }
    return fields;
  }
}

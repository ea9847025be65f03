package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.expr.Expr;
import java.util.List;

/**
 * One input of a join: its rows, the join key expressions over them, and, when its records are
 * not keyed and partitioned by the join key yet, the partition count of the repartition topic that
 * re-keys them ({@code repartition}, null otherwise).
 *
 * <p>A side that {@code broadcast}s is one known to be small, at most one row per window (a
 * windowed aggregation without group columns): each of its rows is written to every partition of
 * its repartition topic, which has the other side's partition count, and the other side is joined
 * where its records are, re-keyed by the join key without a repartition. Null (not written) for
 * the other sides, and in plans written before it existed.
 *
 * <p>The right side of a foreign-key join is joined on its primary key, the left side on the
 * expressions that give it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JoinSide(PlanNode input, List<Expr> keys, Integer repartition, Boolean broadcast) {

  public JoinSide {
    keys = List.copyOf(keys);
    if (repartition != null && repartition < 1) {
      throw new IllegalArgumentException("a repartition topic needs at least one partition: " + repartition);
    }
    if (Boolean.FALSE.equals(broadcast)) {
      broadcast = null;
    }
    if (broadcast != null && repartition == null) {
      throw new IllegalArgumentException("a broadcast side needs the partition count of its topic");
    }
  }

  /** A side that is not broadcast. */
  public JoinSide(PlanNode input, List<Expr> keys, Integer repartition) {
    this(input, keys, repartition, null);
  }

  /** True if this side's rows go to every partition of its repartition topic. */
  @JsonIgnore
  public boolean broadcasts() {
    return broadcast != null;
  }
}

package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.expr.Expr;
import java.util.List;

/**
 * One input of a join: its rows, the join key expressions over them, and, when its records are
 * not keyed and partitioned by the join key yet, the partition count of the repartition topic that
 * re-keys them ({@code repartition}, null otherwise).
 *
 * <p>The right side of a foreign-key join is joined on its primary key, the left side on the
 * expressions that give it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JoinSide(PlanNode input, List<Expr> keys, Integer repartition) {

  public JoinSide {
    keys = List.copyOf(keys);
    if (repartition != null && repartition < 1) {
      throw new IllegalArgumentException("a repartition topic needs at least one partition: " + repartition);
    }
  }
}

package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sluice.plan.RowSchema;
import io.sluice.plan.expr.Expr;
import java.util.List;

/** Passes on the rows for which {@code predicate} is true; null counts as false. */
public record FilterNode(String id, PlanNode input, Expr predicate) implements PlanNode {

  @JsonIgnore
  @Override
  public RowSchema schema() {
    return input.schema();
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }
}

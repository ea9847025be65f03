package io.sluice.plan.node;

import io.sluice.plan.RowSchema;
import io.sluice.plan.expr.Expr;
import java.util.List;

/**
 * Computes each output column from the input row: {@code expressions.get(i)} yields
 * {@code schema.column(i)}. The schema's KEY columns become the record key downstream, so a
 * projection also re-keys (PARTITION BY is a projection whose key columns are new).
 */
public record ProjectNode(String id, PlanNode input, List<Expr> expressions, RowSchema schema)
    implements PlanNode {

  public ProjectNode {
    expressions = List.copyOf(expressions);
    if (expressions.size() != schema.size()) {
      throw new IllegalArgumentException(
          "project " + id + ": " + expressions.size() + " expressions for " + schema.size() + " columns");
    }
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }
}

package io.sluice.plan.node;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Expr;
import java.util.List;

/** One aggregate of an {@link AggregateNode}: a function, its arguments over the input row, and its result type. */
public record AggregateCall(AggregateFunction function, List<Expr> args, DataType type) {

  public AggregateCall {
    args = List.copyOf(args);
  }
}

package io.sluice.plan.pull;

import io.sluice.plan.expr.Expr;
import java.util.Objects;

/**
 * One end of a range in a pull query: a constant expression (it reads no column) and whether the
 * range includes it.
 */
public record RangeBound(Expr value, boolean inclusive) {

  public RangeBound {
    Objects.requireNonNull(value, "value");
  }
}

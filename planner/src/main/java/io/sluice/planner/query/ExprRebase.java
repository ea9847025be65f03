package io.sluice.planner.query;

import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Literal;
import java.util.List;

/** Rewrites an expression over one row into an expression over another by replacing its column references. */
final class ExprRebase {

  private ExprRebase() {}

  /** {@code expr} with each reference to column i replaced by {@code columns.get(i)}. */
  static Expr onto(Expr expr, List<Expr> columns) {
    if (expr instanceof InputRef ref) {
      return columns.get(ref.index());
    }
    if (expr instanceof Literal) {
      return expr;
    }
    Call call = (Call) expr;
    return new Call(call.op(), call.operands().stream().map(o -> onto(o, columns)).toList(), call.type());
  }

  /** {@code expr} with each column reference moved {@code offset} columns right. */
  static Expr shift(Expr expr, int offset) {
    if (expr instanceof InputRef ref) {
      return new InputRef(ref.index() + offset, ref.type());
    }
    if (expr instanceof Literal) {
      return expr;
    }
    Call call = (Call) expr;
    return new Call(call.op(), call.operands().stream().map(o -> shift(o, offset)).toList(), call.type());
  }
}

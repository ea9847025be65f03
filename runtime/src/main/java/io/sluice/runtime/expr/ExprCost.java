package io.sluice.runtime.expr;

import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;

/**
 * A rough cost of evaluating an expression once, to let AND and OR try their cheap operands first
 * (SQL fixes no order, and a deciding operand makes the others unnecessary): a regular expression
 * costs far more than a string function, which costs more than a comparison; column references and
 * literals cost nothing.
 */
final class ExprCost {

  private ExprCost() {}

  static int of(Expr expr) {
    if (!(expr instanceof Call call)) {
      return 0;
    }
    int cost = switch (call.op()) {
      case REGEXP_EXTRACT -> 100;
      case LIKE -> 20;
      case UPPER, LOWER, CONCAT, CONCAT_SKIP_NULLS, SUBSTRING, TRIM, POSITION, REPLACE, SPLIT_INDEX, COUNT_CHAR,
          FORMAT_TIMESTAMP, CAST -> 10;
      default -> 1;
    };
    for (Expr operand : call.operands()) {
      cost += of(operand);
    }
    return cost;
  }
}

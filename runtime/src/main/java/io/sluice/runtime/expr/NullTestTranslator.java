package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Operator;

/** IS [NOT] NULL, IS [NOT] TRUE and IS [NOT] FALSE, which are never null themselves. */
final class NullTestTranslator implements OperatorTranslator {

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 1, 1);
    Value operand = t.translate(call.operand(0), body);
    if (call.op() != Operator.IS_NULL && call.op() != Operator.IS_NOT_NULL) {
      ExprTranslator.requireBoolean(call.op(), operand);
    }
    String v = operand.code();
    String test = switch (call.op()) {
      case IS_NULL -> v + " == null";
      case IS_NOT_NULL -> v + " != null";
      case IS_TRUE -> "java.lang.Boolean.TRUE.equals(" + v + ")";
      case IS_NOT_TRUE -> "!java.lang.Boolean.TRUE.equals(" + v + ")";
      case IS_FALSE -> "java.lang.Boolean.FALSE.equals(" + v + ")";
      case IS_NOT_FALSE -> "!java.lang.Boolean.FALSE.equals(" + v + ")";
      default -> throw new IllegalArgumentException(call.op().name());
    };
    return new Value(body.local(DataType.BOOLEAN, "java.lang.Boolean.valueOf(" + test + ")"), DataType.BOOLEAN);
  }
}

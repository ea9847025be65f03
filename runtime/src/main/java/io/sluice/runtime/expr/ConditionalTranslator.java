package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.Operator;
import java.util.List;

/**
 * CASE and COALESCE, which evaluate lazily: CASE only the WHENs up to the first TRUE one and that
 * branch, COALESCE only up to the first non-null operand. Each branch is converted to the call's type.
 */
final class ConditionalTranslator implements OperatorTranslator {

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 1, Integer.MAX_VALUE);
    return call.op() == Operator.CASE ? caseWhen(call, t, body) : coalesce(call, t, body);
  }

  private static Value caseWhen(Call call, ExprTranslator t, MethodBody body) {
    DataType type = call.type();
    List<Expr> operands = call.operands();
    int branches = operands.size() / 2;
    String result = body.local(type, "null");
    for (int i = 0; i < branches; i++) {
      Value when = t.translate(operands.get(2 * i), body);
      ExprTranslator.requireBoolean(Operator.CASE, when);
      body.open("if (java.lang.Boolean.TRUE.equals(" + when.code() + "))");
      Value then = t.convert(t.translate(operands.get(2 * i + 1), body), type, body);
      body.line(result + " = " + then.code() + ";");
      body.orElse();
    }
    if (operands.size() % 2 == 1) {
      Value otherwise = t.convert(t.translate(operands.get(operands.size() - 1), body), type, body);
      body.line(result + " = " + otherwise.code() + ";");
    }
    for (int i = 0; i < branches; i++) {
      body.close();
    }
    return new Value(result, type);
  }

  private static Value coalesce(Call call, ExprTranslator t, MethodBody body) {
    DataType type = call.type();
    String result = body.local(type, "null");
    for (Expr operand : call.operands()) {
      Value value = t.translate(operand, body);
      body.open("if (" + value.code() + " != null)");
      Value converted = t.convert(value, type, body);
      body.line(result + " = " + converted.code() + ";");
      body.orElse();
    }
    for (int i = 0; i < call.operands().size(); i++) {
      body.close();
    }
    return new Value(result, type);
  }
}

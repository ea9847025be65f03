package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.Operator;
import java.util.Comparator;
import java.util.List;

/**
 * AND, OR and NOT in three-valued logic. AND stops at the first FALSE operand and OR at the first
 * TRUE one, so later operands are not evaluated once the answer is known.
 */
final class LogicTranslator implements OperatorTranslator {

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    if (call.op() == Operator.NOT) {
      ExprTranslator.requireArity(call, 1, 1);
      Value operand = t.translate(call.operand(0), body);
      ExprTranslator.requireBoolean(Operator.NOT, operand);
      return t.strict(DataType.BOOLEAN, List.of(operand), body,
          "java.lang.Boolean.valueOf(!" + operand.code() + ".booleanValue())");
    }
    ExprTranslator.requireArity(call, 1, Integer.MAX_VALUE);
    boolean and = call.op() == Operator.AND;
    String decisive = and ? "java.lang.Boolean.FALSE" : "java.lang.Boolean.TRUE";
    String result = body.local(DataType.BOOLEAN, and ? "java.lang.Boolean.TRUE" : "java.lang.Boolean.FALSE");
    // Cheapest first: q21's `REGEXP_EXTRACT(...) IS NOT NULL OR lower(channel) IN (...)` then runs the
    // regular expression only for the rows the named channels do not decide.
    List<Expr> operands = call.operands().stream().sorted(Comparator.comparingInt(ExprCost::of)).toList();
    for (Expr operand : operands) {
      Value value = t.translate(operand, body);
      ExprTranslator.requireBoolean(call.op(), value);
      body.open("if (" + decisive + ".equals(" + value.code() + "))");
      body.line(result + " = " + decisive + ";");
      body.orElse();
      body.line("if (" + value.code() + " == null) " + result + " = null;");
    }
    for (int i = 0; i < call.operands().size(); i++) {
      body.close();
    }
    return new Value(result, DataType.BOOLEAN);
  }
}

package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.Literal;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.expr.functions.LikePattern;
import java.util.ArrayList;
import java.util.List;

/**
 * LIKE with an optional ESCAPE. A pattern (and escape) given as literals is compiled once, with
 * the query; otherwise each row compiles its own pattern.
 */
final class LikeTranslator implements OperatorTranslator {

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 2, 3);
    Value subject = t.convert(t.translate(call.operand(0), body), DataType.STRING, body);
    Expr pattern = call.operand(1);
    Expr escape = call.operands().size() == 3 ? call.operand(2) : null;
    if (isTextLiteral(pattern) && (escape == null || isTextLiteral(escape))) {
      String escapeText = escape == null ? null : ((Literal) escape).value();
      String compiled = t.constantField(compile(((Literal) pattern).value(), escapeText), JavaTypes.LIKE);
      return t.strict(DataType.BOOLEAN, List.of(subject), body,
          "java.lang.Boolean.valueOf(" + compiled + ".matches(" + subject.code() + "))");
    }
    List<Value> operands = new ArrayList<>(List.of(subject));
    for (Expr operand : call.operands().subList(1, call.operands().size())) {
      operands.add(t.convert(t.translate(operand, body), DataType.STRING, body));
    }
    String escapeCode = operands.size() == 3 ? operands.get(2).code() : "null";
    return t.strict(DataType.BOOLEAN, operands, body,
        "java.lang.Boolean.valueOf(" + JavaTypes.LIKE + ".compile(" + operands.get(1).code() + ", "
            + escapeCode + ").matches(" + subject.code() + "))");
  }

  private static boolean isTextLiteral(Expr expr) {
    return expr instanceof Literal literal && !literal.isNull();
  }

  private static LikePattern compile(String pattern, String escape) {
    try {
      return LikePattern.compile(pattern, escape);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedPlanException(e.getMessage(), e);
    }
  }
}

package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import java.util.ArrayList;
import java.util.List;

/**
 * ABS, ROUND, FLOOR, CEIL and SIGN in their operand's type, and POWER, SQRT, EXP and LN in DOUBLE;
 * results are then delivered in the call's type.
 */
final class MathTranslator implements OperatorTranslator {

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    switch (call.op()) {
      case ROUND -> ExprTranslator.requireArity(call, 1, 2);
      case POWER -> ExprTranslator.requireArity(call, 2, 2);
      default -> ExprTranslator.requireArity(call, 1, 1);
    }
    List<Value> operands = new ArrayList<>(t.operands(call, body));
    for (Value operand : operands) {
      JavaTypes.requireNumeric(call.op().name(), operand.type());
    }
    Value x = operands.get(0);
    TypeName in = x.type().name();
    String code = switch (call.op()) {
      case ABS -> in == TypeName.DECIMAL
          ? JavaTypes.MATH + ".abs(" + x.code() + ")"
          : JavaTypes.boxed(in, "java.lang.Math.abs(" + JavaTypes.widened(x, in) + ")");
      case ROUND -> JavaTypes.MATH + ".round(" + JavaTypes.widened(x, in) + ", "
          + (operands.size() == 2 ? operands.get(1).code() + ".longValue()" : "0L") + ")";
      case FLOOR -> rounded(x, in, "floor");
      case CEIL -> rounded(x, in, "ceil");
      case SIGN -> JavaTypes.MATH + ".sign(" + JavaTypes.widened(x, in) + ")";
      case POWER -> doubleOf("java.lang.Math.pow(" + JavaTypes.widened(x, TypeName.DOUBLE) + ", "
          + JavaTypes.widened(operands.get(1), TypeName.DOUBLE) + ")");
      case SQRT -> doubleOf("java.lang.Math.sqrt(" + JavaTypes.widened(x, TypeName.DOUBLE) + ")");
      case EXP -> doubleOf("java.lang.Math.exp(" + JavaTypes.widened(x, TypeName.DOUBLE) + ")");
      case LN -> doubleOf("java.lang.Math.log(" + JavaTypes.widened(x, TypeName.DOUBLE) + ")");
      default -> throw new IllegalArgumentException(call.op().name());
    };
    DataType computed = switch (call.op()) {
      case POWER, SQRT, EXP, LN -> DataType.DOUBLE;
      default -> x.type();
    };
    return t.finish(code, computed, call.type(), operands, body);
  }

  /** FLOOR or CEIL: whole numbers are already there. */
  private static String rounded(Value x, TypeName in, String fn) {
    return switch (in) {
      case DOUBLE -> doubleOf("java.lang.Math." + fn + "(" + x.code() + ".doubleValue())");
      case DECIMAL -> JavaTypes.MATH + "." + fn + "(" + x.code() + ")";
      default -> x.code();
    };
  }

  private static String doubleOf(String primitive) {
    return JavaTypes.boxed(TypeName.DOUBLE, primitive);
  }
}

package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Operator;
import java.util.List;

/**
 * PLUS, MINUS, TIMES, DIVIDE, MOD and NEGATE, computed in the widest of the operand and result
 * types: int and long wrap on overflow, DOUBLE follows IEEE, DECIMAL is exact and then rounded to
 * the result's scale. Integer division or any remainder by zero is null; DECIMAL division by zero
 * is an error.
 */
final class ArithmeticTranslator implements OperatorTranslator {

  /** The scale of a DECIMAL quotient whose result is not a DECIMAL and so names no scale. */
  private static final int FREE_QUOTIENT_SCALE = 16;

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    Operator op = call.op();
    ExprTranslator.requireArity(call, op == Operator.NEGATE ? 1 : 2, op == Operator.NEGATE ? 1 : 2);
    List<Value> operands = t.operands(call, body);
    DataType result = call.type();
    DataType compute = result.isNumeric() ? result : null;
    for (Value operand : operands) {
      JavaTypes.requireNumeric(op.name(), operand.type());
      compute = compute == null ? operand.type() : JavaTypes.wider(compute, operand.type());
    }
    TypeName in = compute.name();
    String a = JavaTypes.widened(t.widenable(operands.get(0), in), in);
    String b = operands.size() > 1 ? JavaTypes.widened(t.widenable(operands.get(1), in), in) : null;
    String code = in == TypeName.DECIMAL
        ? decimal(op, a, b, result.name() == TypeName.DECIMAL ? result.scale() : FREE_QUOTIENT_SCALE)
        : primitive(op, in, a, b);
    return t.finish(code, compute, result, operands, body);
  }

  private static String primitive(Operator op, TypeName in, String a, String b) {
    return switch (op) {
      case PLUS -> JavaTypes.boxed(in, a + " + " + b);
      case MINUS -> JavaTypes.boxed(in, a + " - " + b);
      case TIMES -> JavaTypes.boxed(in, a + " * " + b);
      case DIVIDE -> in == TypeName.DOUBLE
          ? JavaTypes.boxed(in, a + " / " + b)
          : JavaTypes.ARITHMETIC + ".divide(" + a + ", " + b + ")";
      case MOD -> JavaTypes.ARITHMETIC + ".mod(" + a + ", " + b + ")";
      case NEGATE -> JavaTypes.boxed(in, "-(" + a + ")");
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  private static String decimal(Operator op, String a, String b, int quotientScale) {
    return switch (op) {
      case PLUS -> a + ".add(" + b + ")";
      case MINUS -> a + ".subtract(" + b + ")";
      case TIMES -> a + ".multiply(" + b + ")";
      case DIVIDE -> JavaTypes.ARITHMETIC + ".divide(" + a + ", " + b + ", " + quotientScale + ")";
      case MOD -> JavaTypes.ARITHMETIC + ".mod(" + a + ", " + b + ")";
      case NEGATE -> a + ".negate()";
      default -> throw new IllegalArgumentException(op.name());
    };
  }
}

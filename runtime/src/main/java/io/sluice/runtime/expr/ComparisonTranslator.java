package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Operator;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.List;

/**
 * The comparisons, including IS [NOT] DISTINCT FROM. Numbers compare by value in the wider type,
 * strings by code point, booleans false first, bytes unsigned, and a DATE against a TIMESTAMP as
 * its midnight UTC.
 */
final class ComparisonTranslator implements OperatorTranslator {

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 2, 2);
    List<Value> operands = t.operands(call, body);
    Value a = operands.get(0);
    Value b = operands.get(1);
    String compare = compareCode(t, a, b);
    return switch (call.op()) {
      case EQUALS -> signTest(t, operands, body, compare, "== 0");
      case NOT_EQUALS -> signTest(t, operands, body, compare, "!= 0");
      case LESS_THAN -> signTest(t, operands, body, compare, "< 0");
      case LESS_THAN_OR_EQUAL -> signTest(t, operands, body, compare, "<= 0");
      case GREATER_THAN -> signTest(t, operands, body, compare, "> 0");
      case GREATER_THAN_OR_EQUAL -> signTest(t, operands, body, compare, ">= 0");
      case IS_DISTINCT_FROM -> distinct(a, b, body, compare, true);
      case IS_NOT_DISTINCT_FROM -> distinct(a, b, body, compare, false);
      default -> throw new IllegalArgumentException(call.op().name());
    };
  }

  private static Value signTest(ExprTranslator t, List<Value> operands, MethodBody body, String compare, String test) {
    return t.strict(DataType.BOOLEAN, operands, body, "java.lang.Boolean.valueOf(" + compare + " " + test + ")");
  }

  /** Never null: two nulls are not distinct, one null is distinct from any value. */
  private static Value distinct(Value a, Value b, MethodBody body, String compare, boolean wantDistinct) {
    String result = body.local(DataType.BOOLEAN, "null");
    body.open("if (" + a.code() + " == null || " + b.code() + " == null)");
    String oneNull = "(" + a.code() + " == null) != (" + b.code() + " == null)";
    body.line(result + " = java.lang.Boolean.valueOf(" + (wantDistinct ? oneNull : "!(" + oneNull + ")") + ");");
    body.orElse();
    body.line(result + " = java.lang.Boolean.valueOf(" + compare + (wantDistinct ? " != 0" : " == 0") + ");");
    body.close();
    return new Value(result, DataType.BOOLEAN);
  }

  /** Java code giving the sign of a compared with b, valid where both are non-null. */
  private static String compareCode(ExprTranslator t, Value a, Value b) {
    String fn = JavaTypes.COMPARISONS + ".compare(";
    if (a.type().isNumeric() && b.type().isNumeric()) {
      TypeName in = JavaTypes.wider(a.type(), b.type()).name();
      return fn + JavaTypes.widened(t.widenable(a, in), in) + ", " + JavaTypes.widened(t.widenable(b, in), in) + ")";
    }
    TypeName x = a.type().name();
    TypeName y = b.type().name();
    if (x == y) {
      return fn + a.code() + ", " + b.code() + ")";
    }
    if (x == TypeName.DATE && y == TypeName.TIMESTAMP) {
      return fn + JavaTypes.CASTS + ".toTimestamp(" + a.code() + "), " + b.code() + ")";
    }
    if (x == TypeName.TIMESTAMP && y == TypeName.DATE) {
      return fn + a.code() + ", " + JavaTypes.CASTS + ".toTimestamp(" + b.code() + "))";
    }
    throw new UnsupportedPlanException("cannot compare " + a.type().sql() + " with " + b.type().sql());
  }
}

package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.Literal;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.expr.functions.SqlStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * The string functions. Non-STRING string operands are CAST to STRING first; position and length
 * operands are whole numbers.
 */
final class StringTranslator implements OperatorTranslator {

  private static final String FN = JavaTypes.STRINGS + ".";

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    return switch (call.op()) {
      case CONCAT -> concat(call, t, body);
      case CONCAT_SKIP_NULLS -> concatSkippingNulls(call, t, body);
      case UPPER -> unary(call, t, body, "upper", DataType.STRING);
      case LOWER -> unary(call, t, body, "lower", DataType.STRING);
      case CHAR_LENGTH -> unary(call, t, body, "charLength", DataType.INTEGER);
      case SUBSTRING -> substring(call, t, body);
      case TRIM -> trim(call, t, body);
      case POSITION -> call(call, t, body, "position", DataType.INTEGER, 2);
      case REPLACE -> call(call, t, body, "replace", DataType.STRING, 3);
      case REGEXP_EXTRACT -> withWholeNumber(call, t, body, "regexpExtract", 2, 0L);
      case SPLIT_INDEX -> withWholeNumber(call, t, body, "splitIndex", 2, null);
      case COUNT_CHAR -> call(call, t, body, "countChar", DataType.BIGINT, 2);
      case FORMAT_TIMESTAMP -> formatTimestamp(call, t, body);
      default -> throw new IllegalArgumentException(call.op().name());
    };
  }

  private static Value concat(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 1, Integer.MAX_VALUE);
    List<Value> parts = strings(call.operands(), t, body);
    String code = "(" + String.join(" + ", parts.stream().map(Value::code).toList()) + ")";
    return t.convert(t.strict(DataType.STRING, parts, body, code), call.type(), body);
  }

  private static Value concatSkippingNulls(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 1, Integer.MAX_VALUE);
    List<String> parts = new ArrayList<>();
    for (Value part : strings(call.operands(), t, body)) {
      parts.add(FN + "orEmpty(" + part.code() + ")");
    }
    Value joined = new Value(body.local(DataType.STRING, "(" + String.join(" + ", parts) + ")"), DataType.STRING);
    return t.convert(joined, call.type(), body);
  }

  private static Value unary(Call call, ExprTranslator t, MethodBody body, String fn, DataType type) {
    return call(call, t, body, fn, type, 1);
  }

  /** A helper taking all operands as strings. */
  private static Value call(Call call, ExprTranslator t, MethodBody body, String fn, DataType type, int arity) {
    ExprTranslator.requireArity(call, arity, arity);
    List<Value> args = strings(call.operands(), t, body);
    String code = FN + fn + "(" + String.join(", ", args.stream().map(Value::code).toList()) + ")";
    return t.finish(code, type, call.type(), args, body);
  }

  /**
   * A function of {@code strings} string operands and a last whole-number operand, which is
   * {@code missing} when not written (null when it must be).
   */
  private static Value withWholeNumber(Call call, ExprTranslator t, MethodBody body, String fn, int strings,
      Long missing) {
    ExprTranslator.requireArity(call, missing == null ? strings + 1 : strings, strings + 1);
    List<Value> args = strings(call.operands().subList(0, strings), t, body);
    String number = missing + "L";
    if (call.operands().size() > strings) {
      Value value = t.translate(call.operand(strings), body);
      JavaTypes.requireNumeric(call.op().name(), value.type());
      args.add(value);
      number = value.code() + ".longValue()";
    }
    String code = FN + fn + "(" + String.join(", ", args.subList(0, strings).stream().map(Value::code).toList())
        + ", " + number + ")";
    return t.finish(code, DataType.STRING, call.type(), args, body);
  }

  private static Value formatTimestamp(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 2, 2);
    Value timestamp = t.convert(t.translate(call.operand(0), body), DataType.TIMESTAMP, body);
    Value pattern = asString(t.translate(call.operand(1), body), t, body);
    String code = FN + "formatTimestamp(" + timestamp.code() + ", " + pattern.code() + ")";
    return t.finish(code, DataType.STRING, call.type(), List.of(timestamp, pattern), body);
  }

  private static Value substring(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 2, 3);
    List<Value> args = new ArrayList<>();
    args.add(asString(t.translate(call.operand(0), body), t, body));
    StringBuilder code = new StringBuilder(FN + "substring(" + args.get(0).code());
    for (Expr number : call.operands().subList(1, call.operands().size())) {
      Value value = t.translate(number, body);
      JavaTypes.requireNumeric("SUBSTRING", value.type());
      args.add(value);
      code.append(", ").append(value.code()).append(".longValue()");
    }
    code.append(')');
    return t.finish(code.toString(), DataType.STRING, call.type(), args, body);
  }

  private static Value trim(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 3, 3);
    if (!(call.operand(0) instanceof Literal side) || side.isNull() || SqlStrings.trimSide(side.value()) < 0) {
      throw new UnsupportedPlanException("TRIM's first operand must be the literal BOTH, LEADING or TRAILING");
    }
    List<Value> args = strings(call.operands().subList(1, 3), t, body);
    String code = FN + "trim(" + SqlStrings.trimSide(side.value()) + ", " + args.get(0).code() + ", " + args.get(1).code() + ")";
    return t.finish(code, DataType.STRING, call.type(), args, body);
  }

  private static List<Value> strings(List<Expr> operands, ExprTranslator t, MethodBody body) {
    List<Value> values = new ArrayList<>(operands.size());
    for (Expr operand : operands) {
      values.add(asString(t.translate(operand, body), t, body));
    }
    return values;
  }

  private static Value asString(Value value, ExprTranslator t, MethodBody body) {
    return t.convert(value, DataType.STRING, body);
  }
}

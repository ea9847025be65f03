package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Call;
import java.util.List;

/** TIMESTAMP_PLUS(ts, millis): a TIMESTAMP moved by a number of milliseconds, as ts + INTERVAL writes it. */
final class TimestampPlusTranslator implements OperatorTranslator {

  private static final String FN = JavaTypes.FUNCTIONS + "SqlTimes.";

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 2, 2);
    Value timestamp = t.convert(t.translate(call.operand(0), body), DataType.TIMESTAMP, body);
    Value millis = t.convert(t.translate(call.operand(1), body), DataType.BIGINT, body);
    String code = FN + "plusMillis(" + timestamp.code() + ", " + millis.code() + ")";
    return t.finish(code, DataType.TIMESTAMP, call.type(), List.of(timestamp, millis), body);
  }
}

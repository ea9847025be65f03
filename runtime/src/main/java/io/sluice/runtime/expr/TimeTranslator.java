package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Literal;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.expr.functions.SqlTimes;
import java.util.List;
import java.util.Locale;

/** EXTRACT(unit FROM t) of a TIMESTAMP, DATE or TIME, read in UTC. */
final class TimeTranslator implements OperatorTranslator {

  private static final String FN = JavaTypes.FUNCTIONS + "SqlTimes.";

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 2, 2);
    if (!(call.operand(0) instanceof Literal unit) || unit.isNull()
        || !SqlTimes.UNITS.contains(unit.value().toUpperCase(Locale.ROOT))) {
      throw new UnsupportedPlanException("EXTRACT takes one of the units " + SqlTimes.UNITS.stream().sorted().toList());
    }
    Value value = t.translate(call.operand(1), body);
    TypeName type = value.type().name();
    if (type != TypeName.TIMESTAMP && type != TypeName.DATE && type != TypeName.TIME) {
      throw new UnsupportedPlanException("EXTRACT needs a TIMESTAMP, DATE or TIME, not " + value.type().sql());
    }
    String code = FN + "extract(\"" + unit.value().toUpperCase(Locale.ROOT) + "\", " + value.code() + ")";
    return t.finish(code, DataType.BIGINT, call.type(), List.of(value), body);
  }
}

package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.List;
import java.util.stream.Collectors;

/** The struct constructor {@code STRUCT(name := v, ...)}: a new struct of its operands, never null. */
final class StructTranslator implements OperatorTranslator {

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    DataType type = call.type();
    if (type.name() != TypeName.STRUCT || type.fields().size() != call.operands().size()) {
      throw new UnsupportedPlanException("STRUCT gives " + type.sql() + " from " + call.operands().size() + " values");
    }
    List<Value> values = t.operands(call, body);
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).type().equals(type.fields().get(i).type())) {
        throw new UnsupportedPlanException("STRUCT field " + type.fields().get(i).name() + " is a "
            + type.fields().get(i).type().sql() + ", not " + values.get(i).type().sql());
      }
    }
    String array = values.stream().map(Value::code).collect(Collectors.joining(", ", "new java.lang.Object[] {", "}"));
    return new Value(body.local(type, "io.sluice.plan.StructValue.wrap(" + array + ")"), type);
  }
}

package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Literal;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.List;

/** A STRUCT's field, {@code s->f}: the field's value, or null when the struct is null. */
final class FieldTranslator implements OperatorTranslator {

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 2, 2);
    Value struct = t.translate(call.operand(0), body);
    if (struct.type().name() != TypeName.STRUCT || !(call.operand(1) instanceof Literal position)
        || position.isNull()) {
      throw new UnsupportedPlanException("FIELD needs a STRUCT and a field position, got " + call.operands());
    }
    int index = Integer.parseInt(position.value());
    List<DataType.Field> fields = struct.type().fields();
    if (index < 0 || index >= fields.size()) {
      throw new UnsupportedPlanException("FIELD #" + index + " of " + struct.type().sql() + " does not exist");
    }
    DataType fieldType = fields.get(index).type();
    if (!fieldType.equals(call.type())) {
      throw new UnsupportedPlanException("FIELD #" + index + " of " + struct.type().sql() + " is a "
          + fieldType.sql() + ", not " + call.type().sql());
    }
    return t.strict(fieldType, List.of(struct), body,
        "(" + JavaTypes.name(fieldType) + ") " + struct.code() + ".get(" + index + ")");
  }
}

package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.List;

/** Subscripts: an ARRAY's element {@code a[i]} (1-based, negative from the end) and a MAP's value {@code m[k]}. */
final class ItemTranslator implements OperatorTranslator {

  private static final String COLLECTIONS = JavaTypes.FUNCTIONS + "SqlCollections";

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 2, 2);
    List<Value> operands = t.operands(call, body);
    Value container = operands.get(0);
    Value index = operands.get(1);
    DataType type = container.type();
    String cast = "(" + JavaTypes.name(call.type()) + ") ";
    if (type.name() == TypeName.ARRAY && (index.type().name() == TypeName.INTEGER || index.type().name() == TypeName.BIGINT)
        && type.element().equals(call.type())) {
      return t.strict(call.type(), operands, body,
          cast + COLLECTIONS + ".element(" + container.code() + ", " + index.code() + ".intValue())");
    }
    if (type.name() == TypeName.MAP && index.type().name() == TypeName.STRING && type.element().equals(call.type())) {
      return t.strict(call.type(), operands, body,
          cast + COLLECTIONS + ".value(" + container.code() + ", " + index.code() + ")");
    }
    throw new UnsupportedPlanException("cannot subscript " + type.sql() + " with " + index.type().sql()
        + " giving " + call.type().sql());
  }
}

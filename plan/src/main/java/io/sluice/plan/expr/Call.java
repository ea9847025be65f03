package io.sluice.plan.expr;

import io.sluice.plan.DataType;
import java.util.List;
import java.util.Objects;

/** An operator or function applied to operands; {@code type} is the result type the planner inferred. */
public record Call(Operator op, List<Expr> operands, DataType type) implements Expr {

  public Call {
    Objects.requireNonNull(op, "op");
    operands = List.copyOf(operands);
    Objects.requireNonNull(type, "type");
  }

  public static Call of(Operator op, DataType type, Expr... operands) {
    return new Call(op, List.of(operands), type);
  }

  public Expr operand(int i) {
    return operands.get(i);
  }
}

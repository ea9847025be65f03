package io.sluice.plan.expr;

import io.sluice.plan.RowSchema;
import io.sluice.plan.TypeName;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders an expression as readable SQL-like text, naming input columns from the input schema. */
public final class ExprPrinter {

  private static final Map<Operator, String> INFIX = Map.ofEntries(
      Map.entry(Operator.PLUS, "+"), Map.entry(Operator.MINUS, "-"), Map.entry(Operator.TIMES, "*"),
      Map.entry(Operator.DIVIDE, "/"), Map.entry(Operator.MOD, "%"), Map.entry(Operator.EQUALS, "="),
      Map.entry(Operator.NOT_EQUALS, "<>"), Map.entry(Operator.LESS_THAN, "<"),
      Map.entry(Operator.LESS_THAN_OR_EQUAL, "<="), Map.entry(Operator.GREATER_THAN, ">"),
      Map.entry(Operator.GREATER_THAN_OR_EQUAL, ">="), Map.entry(Operator.AND, "AND"), Map.entry(Operator.OR, "OR"),
      Map.entry(Operator.LIKE, "LIKE"), Map.entry(Operator.CONCAT, "||"),
      Map.entry(Operator.IS_DISTINCT_FROM, "IS DISTINCT FROM"),
      Map.entry(Operator.IS_NOT_DISTINCT_FROM, "IS NOT DISTINCT FROM"));

  private ExprPrinter() {}

  public static String print(Expr expr, RowSchema input) {
    if (expr instanceof InputRef ref) {
      return ref.index() < input.size() ? input.column(ref.index()).name() : "$" + ref.index();
    }
    if (expr instanceof Literal literal) {
      return literal.isNull() ? "NULL"
          : literal.type().name() == TypeName.STRING ? "'" + literal.value().replace("'", "''") + "'"
          : literal.value();
    }
    Call call = (Call) expr;
    List<String> operands = call.operands().stream().map(o -> print(o, input)).toList();
    String infix = INFIX.get(call.op());
    if (infix != null) {
      return "(" + String.join(" " + infix + " ", operands) + ")";
    }
    return switch (call.op()) {
      case NOT -> "NOT " + operands.get(0);
      case NEGATE -> "-" + operands.get(0);
      case IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE ->
          "(" + operands.get(0) + " " + call.op().name().replace('_', ' ') + ")";
      case CAST -> "CAST(" + operands.get(0) + " AS " + call.type().sql() + ")";
      case ITEM -> operands.get(0) + "[" + operands.get(1) + "]";
      case FIELD -> operands.get(0) + "->" + call.operand(0).type().fields()
          .get(Integer.parseInt(((Literal) call.operand(1)).value())).name();
      default -> call.op().name() + operands.stream().collect(Collectors.joining(", ", "(", ")"));
    };
  }
}

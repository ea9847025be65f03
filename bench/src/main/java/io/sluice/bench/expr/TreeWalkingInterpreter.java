package io.sluice.bench.expr;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Operator;
import io.sluice.runtime.expr.EvaluationException;
import io.sluice.runtime.expr.LiteralValues;
import io.sluice.runtime.expr.RowPredicate;
import io.sluice.runtime.expr.RowProjector;
import io.sluice.runtime.expr.functions.LikePattern;
import io.sluice.runtime.expr.functions.SqlStrings;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline the benchmark measures compiled expressions against; not used by the product.
 *
 * <p>It is what a first, naive engine does for every record: walk the {@link Expr} tree
 * recursively, switch on each call's operator, work out operand types as it goes, and box every
 * intermediate value. To keep the comparison about tree walking rather than parsing, literals are
 * parsed and literal LIKE patterns compiled once, up front, and looked up by node identity. Results
 * follow the same SQL semantics as {@link io.sluice.runtime.expr.ExpressionCompiler}'s code, through
 * the same runtime helpers, which the benchmark module's tests check row by row. It implements the
 * operators the benchmarked queries need and refuses the others.
 */
public final class TreeWalkingInterpreter {

  private final Map<Literal, Object> literalValues = new IdentityHashMap<>();
  private final Map<Call, LikePattern> likePatterns = new IdentityHashMap<>();

  private TreeWalkingInterpreter(List<Expr> roots) {
    roots.forEach(this::prepare);
  }

  /** An interpreted filter: true only where {@code condition} is TRUE, as a compiled predicate. */
  public static RowPredicate predicate(Expr condition) {
    TreeWalkingInterpreter interpreter = new TreeWalkingInterpreter(List.of(condition));
    return row -> Boolean.TRUE.equals(interpreter.eval(condition, row));
  }

  /** An interpreted projection making rows of {@code output}, as a compiled projector does. */
  public static RowProjector projector(List<Expr> expressions, RowSchema output) {
    TreeWalkingInterpreter interpreter = new TreeWalkingInterpreter(expressions);
    return row -> {
      Object[] out = new Object[expressions.size()];
      for (int i = 0; i < out.length; i++) {
        Expr expr = expressions.get(i);
        Column column = output.column(i);
        try {
          out[i] = InterpretedCasts.convert(interpreter.eval(expr, row), expr.type(), column.type());
        } catch (RuntimeException e) {
          throw EvaluationException.inColumn(column.name(), e);
        }
      }
      return out;
    };
  }

  private void prepare(Expr expr) {
    if (expr instanceof Literal literal && !literal.isNull()) {
      literalValues.put(literal, LiteralValues.parse(literal));
    } else if (expr instanceof Call call) {
      if (call.op() == Operator.LIKE && hasLiteralPattern(call)) {
        String escape = call.operands().size() == 3 ? ((Literal) call.operand(2)).value() : null;
        likePatterns.put(call, LikePattern.compile(((Literal) call.operand(1)).value(), escape));
      }
      call.operands().forEach(this::prepare);
    }
  }

  private static boolean hasLiteralPattern(Call call) {
    return call.operands().subList(1, call.operands().size()).stream()
        .allMatch(operand -> operand instanceof Literal literal && !literal.isNull());
  }

  /** The value of {@code expr} for {@code row}, null for SQL NULL. */
  Object eval(Expr expr, Object[] row) {
    if (expr instanceof InputRef ref) {
      return row[ref.index()];
    }
    if (expr instanceof Literal literal) {
      return literal.isNull() ? null : literalValues.get(literal);
    }
    Call call = (Call) expr;
    return switch (call.op()) {
      case PLUS, MINUS, TIMES, DIVIDE, MOD -> InterpretedNumbers.arithmetic(
          call, eval(call.operand(0), row), eval(call.operand(1), row));
      case NEGATE -> InterpretedNumbers.arithmetic(call, eval(call.operand(0), row), null);
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
          InterpretedNumbers.comparison(call, eval(call.operand(0), row), eval(call.operand(1), row));
      case AND -> logic(call, row, Boolean.FALSE, Boolean.TRUE);
      case OR -> logic(call, row, Boolean.TRUE, Boolean.FALSE);
      case NOT -> not(eval(call.operand(0), row));
      case IS_NULL -> eval(call.operand(0), row) == null;
      case IS_NOT_NULL -> eval(call.operand(0), row) != null;
      case LIKE -> like(call, row);
      case CASE -> caseWhen(call, row);
      case COALESCE -> coalesce(call, row);
      case CAST -> InterpretedCasts.convert(eval(call.operand(0), row), call.operand(0).type(), call.type());
      case CONCAT -> concat(call, row);
      case UPPER -> upper(call, row);
      case SUBSTRING -> substring(call, row);
      default -> throw new UnsupportedOperationException(
          "the benchmark's baseline interpreter does not implement " + call.op());
    };
  }

  /** AND or OR: stops at the first {@code decisive} operand; otherwise null if any operand is null. */
  private Object logic(Call call, Object[] row, Boolean decisive, Boolean otherwise) {
    Boolean result = otherwise;
    for (Expr operand : call.operands()) {
      Object value = eval(operand, row);
      if (decisive.equals(value)) {
        return decisive;
      }
      if (value == null) {
        result = null;
      }
    }
    return result;
  }

  private static Object not(Object value) {
    return value == null ? null : !(Boolean) value;
  }

  private Object like(Call call, Object[] row) {
    String subject = string(call.operand(0), row);
    LikePattern pattern = likePatterns.get(call);
    if (pattern != null) {
      return subject == null ? null : pattern.matches(subject);
    }
    String patternText = string(call.operand(1), row);
    String escape = call.operands().size() == 3 ? string(call.operand(2), row) : null;
    if (subject == null || patternText == null || (call.operands().size() == 3 && escape == null)) {
      return null;
    }
    return LikePattern.compile(patternText, escape).matches(subject);
  }

  private Object caseWhen(Call call, Object[] row) {
    List<Expr> operands = call.operands();
    for (int i = 0; i + 1 < operands.size(); i += 2) {
      if (Boolean.TRUE.equals(eval(operands.get(i), row))) {
        return converted(operands.get(i + 1), row, call.type());
      }
    }
    return operands.size() % 2 == 1 ? converted(operands.get(operands.size() - 1), row, call.type()) : null;
  }

  private Object coalesce(Call call, Object[] row) {
    for (Expr operand : call.operands()) {
      Object value = eval(operand, row);
      if (value != null) {
        return InterpretedCasts.convert(value, operand.type(), call.type());
      }
    }
    return null;
  }

  /** {@code a || b || ...}: every operand is evaluated, then any null makes the result null. */
  private Object concat(Call call, Object[] row) {
    String[] parts = new String[call.operands().size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = string(call.operand(i), row);
    }
    StringBuilder joined = new StringBuilder();
    for (String part : parts) {
      if (part == null) {
        return null;
      }
      joined.append(part);
    }
    return InterpretedCasts.convert(joined.toString(), DataType.STRING, call.type());
  }

  private Object upper(Call call, Object[] row) {
    String s = string(call.operand(0), row);
    return s == null ? null : InterpretedCasts.convert(SqlStrings.upper(s), DataType.STRING, call.type());
  }

  private Object substring(Call call, Object[] row) {
    String s = string(call.operand(0), row);
    Object start = eval(call.operand(1), row);
    Object length = call.operands().size() == 3 ? eval(call.operand(2), row) : null;
    if (s == null || start == null || (call.operands().size() == 3 && length == null)) {
      return null;
    }
    String result = length == null
        ? SqlStrings.substring(s, ((Number) start).longValue())
        : SqlStrings.substring(s, ((Number) start).longValue(), ((Number) length).longValue());
    return InterpretedCasts.convert(result, DataType.STRING, call.type());
  }

  /** The value of {@code expr} cast to STRING, as string functions take their operands. */
  private String string(Expr expr, Object[] row) {
    return (String) InterpretedCasts.convert(eval(expr, row), expr.type(), DataType.STRING);
  }

  private Object converted(Expr expr, Object[] row, DataType target) {
    return InterpretedCasts.convert(eval(expr, row), expr.type(), target);
  }
}

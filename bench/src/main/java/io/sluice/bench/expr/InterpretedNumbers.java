package io.sluice.bench.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.Operator;
import io.sluice.runtime.expr.functions.SqlArithmetic;
import io.sluice.runtime.expr.functions.SqlCasts;
import io.sluice.runtime.expr.functions.SqlComparisons;
import io.sluice.runtime.types.DecimalValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Arithmetic and comparisons for {@link TreeWalkingInterpreter}, deciding per row, from the operand
 * types, which Java type to compute in: the wider of INTEGER, BIGINT, DECIMAL and DOUBLE.
 */
final class InterpretedNumbers {

  /** The scale of a DECIMAL quotient whose result type is not a DECIMAL, as the compiler uses. */
  private static final int FREE_QUOTIENT_SCALE = 16;

  private InterpretedNumbers() {}

  /** {@code a op b}, or {@code -a} for NEGATE (where {@code b} is unused); null if an operand is. */
  static Object arithmetic(Call call, Object a, Object b) {
    Operator op = call.op();
    boolean unary = op == Operator.NEGATE;
    if (a == null || (!unary && b == null)) {
      return null;
    }
    DataType result = call.type();
    DataType compute = result.isNumeric() ? result : null;
    for (Expr operand : call.operands()) {
      compute = compute == null ? operand.type() : wider(compute, operand.type());
    }
    Object computed = switch (compute.name()) {
      case INTEGER -> ints(op, ((Number) a).intValue(), unary ? 0 : ((Number) b).intValue());
      case BIGINT -> longs(op, ((Number) a).longValue(), unary ? 0L : ((Number) b).longValue());
      case DOUBLE -> doubles(op, ((Number) a).doubleValue(), unary ? 0.0 : ((Number) b).doubleValue());
      case DECIMAL -> decimals(op, decimal(a), unary ? null : decimal(b),
          result.name() == TypeName.DECIMAL ? result.scale() : FREE_QUOTIENT_SCALE);
      default -> throw new IllegalArgumentException(op + " needs numbers, got " + compute.sql());
    };
    if (compute.name() == TypeName.DECIMAL && result.name() == TypeName.DECIMAL) {
      return DecimalValues.fit((BigDecimal) computed, result.precision(), result.scale());
    }
    return InterpretedCasts.convert(computed, compute, result);
  }

  /** A comparison's BOOLEAN, or null if an operand is null. */
  static Object comparison(Call call, Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    int sign = compare(call.operand(0).type(), call.operand(1).type(), a, b);
    return switch (call.op()) {
      case EQUALS -> sign == 0;
      case NOT_EQUALS -> sign != 0;
      case LESS_THAN -> sign < 0;
      case LESS_THAN_OR_EQUAL -> sign <= 0;
      case GREATER_THAN -> sign > 0;
      case GREATER_THAN_OR_EQUAL -> sign >= 0;
      default -> throw new IllegalArgumentException(call.op().name());
    };
  }

  private static int compare(DataType x, DataType y, Object a, Object b) {
    if (x.isNumeric() && y.isNumeric()) {
      return switch (wider(x, y).name()) {
        case INTEGER -> SqlComparisons.compare(((Number) a).intValue(), ((Number) b).intValue());
        case BIGINT -> SqlComparisons.compare(((Number) a).longValue(), ((Number) b).longValue());
        case DOUBLE -> SqlComparisons.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        default -> SqlComparisons.compare(decimal(a), decimal(b));
      };
    }
    if (x.name() == TypeName.DATE && y.name() == TypeName.TIMESTAMP) {
      return SqlComparisons.compare(SqlCasts.toTimestamp((LocalDate) a), (Instant) b);
    }
    if (x.name() == TypeName.TIMESTAMP && y.name() == TypeName.DATE) {
      return SqlComparisons.compare((Instant) a, SqlCasts.toTimestamp((LocalDate) b));
    }
    if (x.name() != y.name()) {
      throw new IllegalArgumentException("cannot compare " + x.sql() + " with " + y.sql());
    }
    return switch (x.name()) {
      case STRING -> SqlComparisons.compare((String) a, (String) b);
      case BOOLEAN -> SqlComparisons.compare((Boolean) a, (Boolean) b);
      case BYTES -> SqlComparisons.compare((byte[]) a, (byte[]) b);
      case DATE -> SqlComparisons.compare((LocalDate) a, (LocalDate) b);
      case TIME -> SqlComparisons.compare((LocalTime) a, (LocalTime) b);
      case TIMESTAMP -> SqlComparisons.compare((Instant) a, (Instant) b);
      default -> throw new IllegalArgumentException("cannot compare " + x.sql());
    };
  }

  // Every arm is boxed: a switch mixing int and Integer arms would unbox a zero divisor's null.
  private static Integer ints(Operator op, int a, int b) {
    return switch (op) {
      case PLUS -> Integer.valueOf(a + b);
      case MINUS -> Integer.valueOf(a - b);
      case TIMES -> Integer.valueOf(a * b);
      case DIVIDE -> SqlArithmetic.divide(a, b);
      case MOD -> SqlArithmetic.mod(a, b);
      case NEGATE -> Integer.valueOf(-a);
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  private static Long longs(Operator op, long a, long b) {
    return switch (op) {
      case PLUS -> Long.valueOf(a + b);
      case MINUS -> Long.valueOf(a - b);
      case TIMES -> Long.valueOf(a * b);
      case DIVIDE -> SqlArithmetic.divide(a, b);
      case MOD -> SqlArithmetic.mod(a, b);
      case NEGATE -> Long.valueOf(-a);
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  private static Double doubles(Operator op, double a, double b) {
    return switch (op) {
      case PLUS -> Double.valueOf(a + b);
      case MINUS -> Double.valueOf(a - b);
      case TIMES -> Double.valueOf(a * b);
      case DIVIDE -> Double.valueOf(a / b);
      case MOD -> SqlArithmetic.mod(a, b);
      case NEGATE -> Double.valueOf(-a);
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  private static BigDecimal decimals(Operator op, BigDecimal a, BigDecimal b, int quotientScale) {
    return switch (op) {
      case PLUS -> a.add(b);
      case MINUS -> a.subtract(b);
      case TIMES -> a.multiply(b);
      case DIVIDE -> SqlArithmetic.divide(a, b, quotientScale);
      case MOD -> SqlArithmetic.mod(a, b);
      case NEGATE -> a.negate();
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  /** A whole number or DECIMAL as a BigDecimal, the way the compiler widens to DECIMAL. */
  private static BigDecimal decimal(Object number) {
    return number instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) number).longValue());
  }

  /** The wider of two numeric types; a DECIMAL keeps the first one's precision and scale. */
  private static DataType wider(DataType a, DataType b) {
    return rank(b.name()) > rank(a.name()) ? b : a;
  }

  private static int rank(TypeName name) {
    return switch (name) {
      case INTEGER -> 0;
      case BIGINT -> 1;
      case DECIMAL -> 2;
      case DOUBLE -> 3;
      default -> -1;
    };
  }
}

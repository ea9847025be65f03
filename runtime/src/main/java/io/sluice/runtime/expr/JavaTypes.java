package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.runtime.UnsupportedPlanException;

/** Names of Java types and of the runtime helper classes, as generated source spells them. */
final class JavaTypes {

  static final String FUNCTIONS = "io.sluice.runtime.expr.functions.";
  static final String ARITHMETIC = FUNCTIONS + "SqlArithmetic";
  static final String COMPARISONS = FUNCTIONS + "SqlComparisons";
  static final String CASTS = FUNCTIONS + "SqlCasts";
  static final String STRINGS = FUNCTIONS + "SqlStrings";
  static final String MATH = FUNCTIONS + "SqlMath";
  static final String LIKE = FUNCTIONS + "LikePattern";
  static final String DECIMALS = "io.sluice.runtime.types.DecimalValues";

  private JavaTypes() {}

  /** The source name of the class that holds values of {@code type}. */
  static String name(DataType type) {
    return type.javaClass() == byte[].class ? "byte[]" : type.javaClass().getName();
  }

  /** The order numeric types widen in: INTEGER, BIGINT, DECIMAL, DOUBLE. */
  static int numericRank(TypeName name) {
    return switch (name) {
      case INTEGER -> 0;
      case BIGINT -> 1;
      case DECIMAL -> 2;
      case DOUBLE -> 3;
      default -> -1;
    };
  }

  /** The wider of two numeric types; DECIMALs keep the first one's precision and scale. */
  static DataType wider(DataType a, DataType b) {
    return numericRank(b.name()) > numericRank(a.name()) ? b : a;
  }

  static void requireNumeric(String what, DataType type) {
    if (!type.isNumeric()) {
      throw new UnsupportedPlanException(what + " needs a numeric operand, got " + type.sql());
    }
  }

  /**
   * Java code for {@code value} (never null) as a primitive or BigDecimal of {@code target}, a type
   * at least as wide: {@code v.longValue()}, {@code java.math.BigDecimal.valueOf(v.longValue())}.
   */
  static String widened(Value value, TypeName target) {
    String v = value.code();
    return switch (target) {
      case INTEGER -> v + ".intValue()";
      case BIGINT -> v + ".longValue()";
      case DOUBLE -> v + ".doubleValue()";
      case DECIMAL -> value.type().name() == TypeName.DECIMAL ? v : "java.math.BigDecimal.valueOf(" + v + ".longValue())";
      default -> throw new IllegalArgumentException("not numeric: " + target);
    };
  }

  /** The boxed result of a primitive computation of {@code type}: {@code java.lang.Long.valueOf(...)}. */
  static String boxed(TypeName type, String primitiveCode) {
    return switch (type) {
      case INTEGER -> "java.lang.Integer.valueOf(" + primitiveCode + ")";
      case BIGINT -> "java.lang.Long.valueOf(" + primitiveCode + ")";
      case DOUBLE -> "java.lang.Double.valueOf(" + primitiveCode + ")";
      case BOOLEAN -> "java.lang.Boolean.valueOf(" + primitiveCode + ")";
      default -> primitiveCode;
    };
  }
}

package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Literal;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.types.DecimalValues;
import io.sluice.runtime.types.TemporalText;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.Base64;
import java.util.Locale;

/** Parses the text form of a {@link Literal} into its runtime value, once, when a query is compiled. */
public final class LiteralValues {

  private LiteralValues() {}

  /** The literal's value as its type's Java class, or null for a NULL literal. */
  public static Object parse(Literal literal) {
    return literal.isNull() ? null : parse(literal.value(), literal.type());
  }

  /** {@code text} in the literal form of {@code type}; throws {@link UnsupportedPlanException} if it is not. */
  public static Object parse(String text, DataType type) {
    try {
      return switch (type.name()) {
        case BOOLEAN -> parseBoolean(text);
        case INTEGER -> Integer.valueOf(text.trim());
        case BIGINT -> Long.valueOf(text.trim());
        case DOUBLE -> Double.valueOf(text.trim());
        case DECIMAL -> DecimalValues.fit(new BigDecimal(text.trim()), type.precision(), type.scale());
        case STRING -> text;
        case BYTES -> Base64.getDecoder().decode(text);
        case DATE -> TemporalText.parseDate(text);
        case TIME -> TemporalText.parseTime(text);
        case TIMESTAMP -> TemporalText.parseTimestamp(text);
        case ARRAY, MAP, STRUCT -> throw new UnsupportedPlanException(type.sql() + " literals are not supported");
      };
    } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
      throw new UnsupportedPlanException(
          "literal '" + text + "' is not a valid " + type.sql() + ": " + e.getMessage(), e);
    }
  }

  private static Boolean parseBoolean(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }
}

package io.sluice.runtime.expr;

import static io.sluice.plan.TypeName.BIGINT;
import static io.sluice.plan.TypeName.BOOLEAN;
import static io.sluice.plan.TypeName.BYTES;
import static io.sluice.plan.TypeName.DATE;
import static io.sluice.plan.TypeName.DECIMAL;
import static io.sluice.plan.TypeName.DOUBLE;
import static io.sluice.plan.TypeName.INTEGER;
import static io.sluice.plan.TypeName.STRING;
import static io.sluice.plan.TypeName.TIME;
import static io.sluice.plan.TypeName.TIMESTAMP;

import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * CAST, and every implicit conversion between types, through the helpers of
 * {@link io.sluice.runtime.expr.functions.SqlCasts}: any type to and from STRING, numbers among
 * themselves, TIMESTAMP to and from BIGINT (epoch milliseconds) and DATE, TIMESTAMP to TIME.
 */
final class CastTranslator implements OperatorTranslator {

  private static final Map<TypeName, Set<TypeName>> SOURCES = new EnumMap<>(TypeName.class);

  static {
    SOURCES.put(STRING, EnumSet.complementOf(EnumSet.of(TypeName.ARRAY, TypeName.MAP, TypeName.STRUCT)));
    SOURCES.put(BOOLEAN, EnumSet.of(STRING));
    SOURCES.put(INTEGER, EnumSet.of(BIGINT, DOUBLE, DECIMAL, STRING));
    SOURCES.put(BIGINT, EnumSet.of(INTEGER, DOUBLE, DECIMAL, STRING, TIMESTAMP));
    SOURCES.put(DOUBLE, EnumSet.of(INTEGER, BIGINT, DECIMAL, STRING));
    SOURCES.put(DECIMAL, EnumSet.of(INTEGER, BIGINT, DOUBLE, DECIMAL, STRING));
    SOURCES.put(BYTES, EnumSet.of(STRING));
    SOURCES.put(DATE, EnumSet.of(STRING, TIMESTAMP));
    SOURCES.put(TIME, EnumSet.of(STRING, TIMESTAMP));
    SOURCES.put(TIMESTAMP, EnumSet.of(STRING, DATE, BIGINT));
  }

  @Override
  public Value translate(Call call, ExprTranslator t, MethodBody body) {
    ExprTranslator.requireArity(call, 1, 1);
    return t.convert(t.translate(call.operand(0), body), call.type(), body);
  }

  /** Java code converting the non-null {@code value} to {@code target}, which is a different type. */
  static String code(Value value, DataType target) {
    TypeName from = value.type().name();
    if (!SOURCES.getOrDefault(target.name(), Set.of()).contains(from)) {
      throw new UnsupportedPlanException("cannot CAST " + value.type().sql() + " to " + target.sql());
    }
    String fn = JavaTypes.CASTS + ".";
    String v = value.code();
    return switch (target.name()) {
      case STRING -> fn + "toStringValue(" + v + ")";
      case BOOLEAN -> fn + "toBoolean(" + v + ")";
      case INTEGER -> fn + "toInteger(" + v + ")";
      case BIGINT -> fn + "toBigint(" + v + ")";
      case DOUBLE -> fn + "toDouble(" + v + ")";
      case DECIMAL -> fn + "toDecimal(" + v + ", " + target.precision() + ", " + target.scale() + ")";
      case BYTES -> fn + "toBytes(" + v + ")";
      case DATE -> fn + "toDate(" + v + ")";
      case TIME -> fn + "toTime(" + v + ")";
      case TIMESTAMP -> fn + "toTimestamp(" + v + ")";
      case ARRAY, MAP, STRUCT -> throw new UnsupportedPlanException("cannot CAST " + value.type().sql() + " to " + target.sql());
    };
  }
}

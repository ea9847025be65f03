package io.sluice.planner.calcite;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Operator;
import io.sluice.planner.PlanningException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/** Translates Calcite's typed row expressions into the plan's {@link Expr} trees. */
public final class RexToExpr {

  private static final Map<SqlKind, Operator> BY_KIND = Map.ofEntries(
      Map.entry(SqlKind.PLUS, Operator.PLUS),
      Map.entry(SqlKind.MINUS, Operator.MINUS),
      Map.entry(SqlKind.TIMES, Operator.TIMES),
      Map.entry(SqlKind.DIVIDE, Operator.DIVIDE),
      Map.entry(SqlKind.MOD, Operator.MOD),
      Map.entry(SqlKind.MINUS_PREFIX, Operator.NEGATE),
      Map.entry(SqlKind.EQUALS, Operator.EQUALS),
      Map.entry(SqlKind.NOT_EQUALS, Operator.NOT_EQUALS),
      Map.entry(SqlKind.LESS_THAN, Operator.LESS_THAN),
      Map.entry(SqlKind.LESS_THAN_OR_EQUAL, Operator.LESS_THAN_OR_EQUAL),
      Map.entry(SqlKind.GREATER_THAN, Operator.GREATER_THAN),
      Map.entry(SqlKind.GREATER_THAN_OR_EQUAL, Operator.GREATER_THAN_OR_EQUAL),
      Map.entry(SqlKind.IS_DISTINCT_FROM, Operator.IS_DISTINCT_FROM),
      Map.entry(SqlKind.IS_NOT_DISTINCT_FROM, Operator.IS_NOT_DISTINCT_FROM),
      Map.entry(SqlKind.AND, Operator.AND),
      Map.entry(SqlKind.OR, Operator.OR),
      Map.entry(SqlKind.NOT, Operator.NOT),
      Map.entry(SqlKind.IS_NULL, Operator.IS_NULL),
      Map.entry(SqlKind.IS_NOT_NULL, Operator.IS_NOT_NULL),
      Map.entry(SqlKind.IS_TRUE, Operator.IS_TRUE),
      Map.entry(SqlKind.IS_NOT_TRUE, Operator.IS_NOT_TRUE),
      Map.entry(SqlKind.IS_FALSE, Operator.IS_FALSE),
      Map.entry(SqlKind.IS_NOT_FALSE, Operator.IS_NOT_FALSE),
      Map.entry(SqlKind.CASE, Operator.CASE),
      Map.entry(SqlKind.COALESCE, Operator.COALESCE),
      Map.entry(SqlKind.CAST, Operator.CAST),
      Map.entry(SqlKind.TRIM, Operator.TRIM),
      Map.entry(SqlKind.EXTRACT, Operator.EXTRACT),
      Map.entry(SqlKind.POSITION, Operator.POSITION),
      Map.entry(SqlKind.FLOOR, Operator.FLOOR),
      Map.entry(SqlKind.CEIL, Operator.CEIL),
      Map.entry(SqlKind.ITEM, Operator.ITEM));

  private static final Map<String, Operator> BY_NAME = Map.ofEntries(
      Map.entry("UPPER", Operator.UPPER),
      Map.entry("UCASE", Operator.UPPER),
      Map.entry("LOWER", Operator.LOWER),
      Map.entry("LCASE", Operator.LOWER),
      Map.entry("SUBSTRING", Operator.SUBSTRING),
      Map.entry("CHAR_LENGTH", Operator.CHAR_LENGTH),
      Map.entry("CHARACTER_LENGTH", Operator.CHAR_LENGTH),
      Map.entry("LEN", Operator.CHAR_LENGTH),
      Map.entry("REPLACE", Operator.REPLACE),
      Map.entry("REGEXP_EXTRACT", Operator.REGEXP_EXTRACT),
      Map.entry("SPLIT_INDEX", Operator.SPLIT_INDEX),
      Map.entry("COUNT_CHAR", Operator.COUNT_CHAR),
      Map.entry("FORMAT_TIMESTAMP", Operator.FORMAT_TIMESTAMP),
      Map.entry("DATE_FORMAT", Operator.FORMAT_TIMESTAMP),
      Map.entry("ABS", Operator.ABS),
      Map.entry("ROUND", Operator.ROUND),
      Map.entry("POWER", Operator.POWER),
      Map.entry("SQRT", Operator.SQRT),
      Map.entry("EXP", Operator.EXP),
      Map.entry("LN", Operator.LN),
      Map.entry("SIGN", Operator.SIGN),
      Map.entry("CONCAT", Operator.CONCAT_SKIP_NULLS),
      Map.entry("IFNULL", Operator.COALESCE));

  private final RexBuilder rexBuilder;
  private final SqlParserPos pos;

  /** {@code pos} is where errors are reported: the statement, as Rex trees carry no positions. */
  public RexToExpr(RexBuilder rexBuilder, SqlParserPos pos) {
    this.rexBuilder = rexBuilder;
    this.pos = pos;
  }

  public Expr translate(RexNode node) {
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, node);
    return convert(expanded);
  }

  private Expr convert(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return new InputRef(ref.getIndex(), TypeMapping.fromCalcite(ref.getType(), pos));
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (node instanceof RexCall call) {
      return call(call);
    }
    if (node instanceof RexFieldAccess access) {
      return Call.of(Operator.FIELD, TypeMapping.fromCalcite(access.getType(), pos),
          convert(access.getReferenceExpr()),
          new Literal(String.valueOf(access.getField().getIndex()), DataType.INTEGER));
    }
    throw unsupported(node.toString());
  }

  private Expr call(RexCall call) {
    SqlOperator op = call.getOperator();
    if (op.getKind() == SqlKind.PLUS_PREFIX) {
      return convert(call.getOperands().get(0));
    }
    Expr moved = timestampMoved(call);
    if (moved != null) {
      return moved;
    }
    DataType type = TypeMapping.fromCalcite(call.getType(), pos);
    List<Expr> operands = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      operands.add(convert(operand));
    }
    if (op instanceof SqlLikeOperator like) {
      if (like.getKind() != SqlKind.LIKE) {
        throw unsupported(op.getName());
      }
      Call likeCall = new Call(Operator.LIKE, operands, DataType.BOOLEAN);
      return like.isNegated() ? Call.of(Operator.NOT, DataType.BOOLEAN, likeCall) : likeCall;
    }
    if (op == SqlStdOperatorTable.CONCAT) {
      return new Call(Operator.CONCAT, operands, type);
    }
    if ((op.getKind() == SqlKind.FLOOR || op.getKind() == SqlKind.CEIL) && operands.size() != 1) {
      throw unsupported(op.getName() + " to a time unit");
    }
    if (op.getKind() == SqlKind.ITEM && !op.getName().equals("ITEM")) {
      throw unsupported(op.getName());
    }
    Operator mapped = BY_KIND.get(op.getKind());
    if (mapped == null) {
      mapped = BY_NAME.get(op.getName().toUpperCase(Locale.ROOT));
    }
    if (mapped == null) {
      throw unsupported(op.getName());
    }
    return new Call(mapped, operands, type);
  }

  /**
   * {@code ts + INTERVAL '10' SECOND} or {@code ts - ...} (a day-time interval written as a literal)
   * as TIMESTAMP_PLUS by milliseconds; null for any other call. Sluice has no interval values.
   */
  private Expr timestampMoved(RexCall call) {
    SqlKind kind = call.getOperator().getKind();
    if ((kind != SqlKind.PLUS && kind != SqlKind.MINUS) || call.getOperands().size() != 2
        || call.getType().getSqlTypeName() != SqlTypeName.TIMESTAMP) {
      return null;
    }
    RexNode first = call.getOperands().get(0);
    RexNode second = call.getOperands().get(1);
    RexNode interval = second.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME ? second
        : kind == SqlKind.PLUS && first.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME
        ? first : null;
    if (!(interval instanceof RexLiteral literal)) {
      if (interval != null) {
        throw unsupported("TIMESTAMP arithmetic with an interval that is not a literal");
      }
      return null;
    }
    long millis = literal.getValueAs(BigDecimal.class).longValueExact();
    Expr timestamp = convert(interval == second ? first : second);
    Literal by = new Literal(String.valueOf(kind == SqlKind.MINUS ? -millis : millis), DataType.BIGINT);
    return Call.of(Operator.TIMESTAMP_PLUS, DataType.TIMESTAMP, timestamp, by);
  }

  private Expr literal(RexLiteral literal) {
    if (literal.getTypeName() == SqlTypeName.SYMBOL) {
      Enum<?> symbol = literal.getValueAs(Enum.class);
      return new Literal(symbol == null ? null : symbol.name(), DataType.STRING);
    }
    DataType type = TypeMapping.fromCalcite(literal.getType(), pos);
    if (literal.isNull()) {
      return Literal.nullOf(type);
    }
    String text = switch (type.name()) {
      case BOOLEAN -> String.valueOf(literal.getValueAs(Boolean.class));
      case INTEGER, BIGINT, DECIMAL -> literal.getValueAs(BigDecimal.class).toPlainString();
      case DOUBLE -> String.valueOf(literal.getValueAs(Double.class));
      case STRING -> literal.getValueAs(String.class);
      case BYTES -> Base64.getEncoder().encodeToString(literal.getValueAs(ByteString.class).getBytes());
      case DATE -> literal.getValueAs(DateString.class).toString();
      case TIME -> literal.getValueAs(TimeString.class).toString();
      case TIMESTAMP -> Instant.ofEpochMilli(
          literal.getValueAs(TimestampString.class).getMillisSinceEpoch()).toString();
      case ARRAY, MAP, STRUCT -> throw unsupported("a " + type.name() + " literal");
    };
    return new Literal(text, type);
  }

  private PlanningException unsupported(String what) {
    return new PlanningException("Function or operator " + what + " is not supported yet", pos);
  }
}

package io.sluice.runtime.expr;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Operator;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Translates typed expression trees into Java statements over an input row {@code Object[] row},
 * dispatching each {@link Call} to the translator of its operator family. Every value lives in a
 * local variable or constant field of its type's boxed Java class, where null is SQL NULL.
 */
final class ExprTranslator {

  private static final Map<Operator, OperatorTranslator> OPERATORS = operatorTable();

  private final ClassSource classSource;
  private final RowSchema input;
  private final Map<String, Object> constantValues = new HashMap<>();

  ExprTranslator(ClassSource classSource, RowSchema input) {
    this.classSource = classSource;
    this.input = input;
  }

  private static Map<Operator, OperatorTranslator> operatorTable() {
    Map<Operator, OperatorTranslator> table = new EnumMap<>(Operator.class);
    register(table, new ArithmeticTranslator(), Operator.PLUS, Operator.MINUS, Operator.TIMES,
        Operator.DIVIDE, Operator.MOD, Operator.NEGATE);
    register(table, new ComparisonTranslator(), Operator.EQUALS, Operator.NOT_EQUALS,
        Operator.LESS_THAN, Operator.LESS_THAN_OR_EQUAL, Operator.GREATER_THAN,
        Operator.GREATER_THAN_OR_EQUAL, Operator.IS_DISTINCT_FROM, Operator.IS_NOT_DISTINCT_FROM);
    register(table, new LogicTranslator(), Operator.AND, Operator.OR, Operator.NOT);
    register(table, new NullTestTranslator(), Operator.IS_NULL, Operator.IS_NOT_NULL,
        Operator.IS_TRUE, Operator.IS_NOT_TRUE, Operator.IS_FALSE, Operator.IS_NOT_FALSE);
    register(table, new LikeTranslator(), Operator.LIKE);
    register(table, new ConditionalTranslator(), Operator.CASE, Operator.COALESCE);
    register(table, new CastTranslator(), Operator.CAST);
    register(table, new StringTranslator(), Operator.CONCAT, Operator.CONCAT_SKIP_NULLS,
        Operator.UPPER, Operator.LOWER, Operator.SUBSTRING, Operator.TRIM, Operator.CHAR_LENGTH,
        Operator.POSITION, Operator.REPLACE, Operator.REGEXP_EXTRACT, Operator.SPLIT_INDEX, Operator.COUNT_CHAR, Operator.FORMAT_TIMESTAMP);
    register(table, new TimeTranslator(), Operator.EXTRACT);
    register(table, new TimestampPlusTranslator(), Operator.TIMESTAMP_PLUS);
    register(table, new FieldTranslator(), Operator.FIELD);
    register(table, new ItemTranslator(), Operator.ITEM);
    register(table, new StructTranslator(), Operator.STRUCT);
    register(table, new MathTranslator(), Operator.ABS, Operator.ROUND, Operator.FLOOR,
        Operator.CEIL, Operator.POWER, Operator.SQRT, Operator.EXP, Operator.LN, Operator.SIGN);
    for (Operator op : Operator.values()) {
      if (!table.containsKey(op)) {
        throw new IllegalStateException("no translator for operator " + op);
      }
    }
    return table;
  }

  private static void register(
      Map<Operator, OperatorTranslator> table, OperatorTranslator translator, Operator... ops) {
    for (Operator op : ops) {
      table.put(op, translator);
    }
  }

  /** Appends the statements computing {@code expr} and returns where its value is. */
  Value translate(Expr expr, MethodBody body) {
    if (expr instanceof InputRef ref) {
      return inputRef(ref, body);
    }
    if (expr instanceof Literal literal) {
      return constant(LiteralValues.parse(literal), literal.type());
    }
    Call call = (Call) expr;
    // Every operator is deterministic, so a call computed earlier where this code runs has this value.
    Value known = body.computed(call);
    if (known != null) {
      return known;
    }
    Value value = body.readFrom() == null ? null : fromScratch(call, body);
    if (value == null) {
      value = OPERATORS.get(call.op()).translate(call, this, body);
      if (body.publishTo() != null) {
        body.publishTo().publish(call, value, body);
      }
    }
    body.remember(call, value);
    return value;
  }

  /**
   * The value of a call the fused filter's condition computed, read from the scratch array: as it
   * is when the condition computes it on every row, else read when set and computed here when not.
   * Null when the condition never computes the call.
   */
  private Value fromScratch(Call call, MethodBody body) {
    int slot = body.readFrom().slotOf(call);
    if (slot < 0) {
      return null;
    }
    String javaType = JavaTypes.name(call.type());
    String read = "((" + javaType + ") scratch[" + slot + "])";
    if (body.readFrom().alwaysSet(call)) {
      return new Value(read, call.type());
    }
    String result = body.local(call.type(), "null");
    body.open("if (scratch[" + slot + "] != " + FilteredProjector.class.getName() + ".UNSET)");
    body.line(result + " = " + read + ";");
    body.orElse();
    Value computed = OPERATORS.get(call.op()).translate(call, this, body);
    body.line(result + " = " + computed.code() + ";");
    body.close();
    return new Value(result, call.type());
  }

  /** Translates every operand of {@code call}, left to right. */
  List<Value> operands(Call call, MethodBody body) {
    List<Value> values = new ArrayList<>(call.operands().size());
    for (Expr operand : call.operands()) {
      values.add(translate(operand, body));
    }
    return values;
  }

  /** A constant field holding {@code value} of {@code type}. */
  Value constant(Object value, DataType type) {
    String field = classSource.constant(value, JavaTypes.name(type));
    constantValues.put(field, value);
    return new Value(field, type, value != null);
  }

  /**
   * {@code value} ready to be widened to {@code target}: a whole-number constant about to become a
   * DECIMAL is converted now, once, rather than on every row.
   */
  Value widenable(Value value, TypeName target) {
    Object constant = constantValues.get(value.code());
    if (target != TypeName.DECIMAL || constant == null || value.type().name() == TypeName.DECIMAL) {
      return value;
    }
    BigDecimal decimal = BigDecimal.valueOf(((Number) constant).longValue());
    return constant(decimal, DataType.decimal(Math.max(decimal.precision(), 1), 0));
  }

  /** A constant field of any Java type, such as a compiled LIKE pattern. */
  String constantField(Object value, String javaType) {
    return classSource.constant(value, javaType);
  }

  /**
   * A new local of {@code type} set to {@code code} when every one of {@code operands} is non-null,
   * and null otherwise: the usual SQL rule that a null operand gives a null result.
   */
  Value strict(DataType type, List<Value> operands, MethodBody body, String code) {
    String result = body.local(type, "null");
    String guard = operands.stream()
        .filter(v -> !v.neverNull())
        .map(v -> v.code() + " != null")
        .collect(Collectors.joining(" && "));
    if (guard.isEmpty()) {
      body.line(result + " = " + code + ";");
    } else {
      body.open("if (" + guard + ")");
      body.line(result + " = " + code + ";");
      body.close();
    }
    return new Value(result, type);
  }

  /**
   * The result of a computation done in {@code computed} (guarded by {@code operands}), delivered
   * as {@code target}: DECIMAL results are fitted to the target's scale, other types are CAST.
   */
  Value finish(String code, DataType computed, DataType target, List<Value> operands, MethodBody body) {
    if (computed.name() == TypeName.DECIMAL && target.name() == TypeName.DECIMAL) {
      String fitted = JavaTypes.DECIMALS + ".fit(" + code + ", " + target.precision() + ", " + target.scale() + ")";
      return strict(target, operands, body, fitted);
    }
    return convert(strict(computed, operands, body, code), target, body);
  }

  /** {@code value} as {@code target}, with CAST semantics; the value itself when the types agree. */
  Value convert(Value value, DataType target, MethodBody body) {
    if (value.type().equals(target)) {
      return value;
    }
    return strict(target, List.of(value), body, CastTranslator.code(value, target));
  }

  static void requireArity(Call call, int min, int max) {
    int n = call.operands().size();
    if (n < min || n > max) {
      String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " or " + max;
      throw new UnsupportedPlanException(call.op() + " takes " + expected + " operands, got " + n);
    }
  }

  static void requireBoolean(Operator op, Value value) {
    if (value.type().name() != TypeName.BOOLEAN) {
      throw new UnsupportedPlanException(op + " needs BOOLEAN operands, got " + value.type().sql());
    }
  }

  private Value inputRef(InputRef ref, MethodBody body) {
    if (ref.index() < 0 || ref.index() >= input.size()) {
      throw new UnsupportedPlanException(
          "expression reads column #" + ref.index() + " of a row with " + input.size() + " columns");
    }
    Column column = input.column(ref.index());
    if (column.type().name() != ref.type().name()) {
      throw new UnsupportedPlanException(
          "expression reads column " + column.name() + " as " + ref.type().sql() + " but it is " + column.type().sql());
    }
    String javaType = JavaTypes.name(column.type());
    return new Value(body.local(column.type(), "(" + javaType + ") row[" + ref.index() + "]"), column.type());
  }
}

package io.sluice.runtime;

import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A compact text form of plan expressions for test data, in prefix notation:
 * {@code (GREATER_THAN $PRICE 9.99)}, {@code (CAST:DECIMAL(5,1) $X)}, {@code 'text'},
 * {@code '2024-01-31':DATE}, {@code null:INTEGER}, {@code 42}, {@code 42:BIGINT}, {@code 1.50}
 * (a DECIMAL(3,2)), {@code 1e3} (a DOUBLE). A call's result type follows its operator after a
 * colon; without one, the obvious type is inferred (BOOLEAN for predicates, the wider operand type
 * for arithmetic, and so on).
 */
public final class ExprText {

  private final String text;
  private final RowSchema schema;
  private int pos;

  private ExprText(String text, RowSchema schema) {
    this.text = text;
    this.schema = schema;
  }

  /** Parses {@code text} against the columns of {@code schema}. */
  public static Expr parse(String text, RowSchema schema) {
    ExprText parser = new ExprText(text, schema);
    Expr expr = parser.expr();
    parser.skipBlanks();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected text after the expression");
    }
    return expr;
  }

  /** Parses a type such as {@code BIGINT} or {@code DECIMAL(10,2)}. */
  public static DataType type(String spec) {
    String s = spec.replace(" ", "").toUpperCase(Locale.ROOT);
    if (s.startsWith("DECIMAL(")) {
      String[] ps = s.substring(8, s.length() - 1).split(",");
      return DataType.decimal(Integer.parseInt(ps[0]), Integer.parseInt(ps[1]));
    }
    return DataType.of(TypeName.valueOf(s));
  }

  /** Parses a column such as {@code ID BIGINT KEY} or {@code PRICE DECIMAL(10, 2)}; value columns by default. */
  public static Column column(String spec) {
    String s = spec.trim();
    ColumnKind kind = ColumnKind.VALUE;
    if (s.toUpperCase(Locale.ROOT).endsWith(" KEY")) {
      kind = ColumnKind.KEY;
      s = s.substring(0, s.length() - 4).trim();
    }
    int space = s.indexOf(' ');
    return new Column(s.substring(0, space), type(s.substring(space + 1)), kind);
  }

  private Expr expr() {
    skipBlanks();
    if (pos >= text.length()) {
      throw error("expression expected");
    }
    char c = text.charAt(pos);
    if (c == '(') {
      return call();
    }
    if (c == '\'') {
      String value = quoted();
      DataType type = typeSuffix();
      return new Literal(value, type == null ? DataType.STRING : type);
    }
    String token = bareToken();
    if (token.startsWith("$")) {
      return ref(token.substring(1));
    }
    DataType type = typeSuffix();
    if (token.equals("null")) {
      return Literal.nullOf(type == null ? DataType.STRING : type);
    }
    return new Literal(token, type == null ? literalType(token) : type);
  }

  private Expr call() {
    pos++;
    String name = bareToken();
    Operator op = Operator.valueOf(name);
    DataType declared = typeSuffix();
    List<Expr> operands = new ArrayList<>();
    while (true) {
      skipBlanks();
      if (pos >= text.length()) {
        throw error("missing )");
      }
      if (text.charAt(pos) == ')') {
        pos++;
        break;
      }
      operands.add(expr());
    }
    return new Call(op, operands, declared != null ? declared : inferType(op, operands));
  }

  private Expr ref(String name) {
    int index = schema.indexOf(name);
    if (index < 0) {
      throw error("no column " + name + " in " + schema.columns().stream().map(Column::name).toList());
    }
    return new InputRef(index, schema.column(index).type());
  }

  private static DataType literalType(String token) {
    if (token.equals("true") || token.equals("false")) {
      return DataType.BOOLEAN;
    }
    if (token.contains("e") || token.contains("E")) {
      return DataType.DOUBLE;
    }
    int dot = token.indexOf('.');
    if (dot >= 0) {
      int scale = token.length() - dot - 1;
      int digits = token.replace("-", "").replace(".", "").length();
      return DataType.decimal(Math.max(digits, scale + 1), scale);
    }
    long value = Long.parseLong(token);
    return value == (int) value ? DataType.INTEGER : DataType.BIGINT;
  }

  private DataType inferType(Operator op, List<Expr> operands) {
    return switch (op) {
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
          IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM, AND, OR, NOT, IS_NULL, IS_NOT_NULL, IS_TRUE,
          IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE, LIKE -> DataType.BOOLEAN;
      case CONCAT, CONCAT_SKIP_NULLS, UPPER, LOWER, SUBSTRING, TRIM, REPLACE, REGEXP_EXTRACT, SPLIT_INDEX,
          FORMAT_TIMESTAMP -> DataType.STRING;
      case CHAR_LENGTH, POSITION -> DataType.INTEGER;
      case COUNT_CHAR -> DataType.BIGINT;
      case EXTRACT -> DataType.BIGINT;
      case TIMESTAMP_PLUS -> DataType.TIMESTAMP;
      case POWER, SQRT, EXP, LN -> DataType.DOUBLE;
      case NEGATE, ABS, SIGN, ROUND, FLOOR, CEIL -> operands.get(0).type();
      case COALESCE -> operands.get(0).type();
      case CASE -> operands.get(operands.size() > 1 ? 1 : 0).type();
      case PLUS, MINUS, TIMES, DIVIDE, MOD -> widerNonDecimal(op, operands);
      case CAST -> throw error("CAST needs its target type, as in (CAST:BIGINT x)");
      case ITEM -> operands.get(0).type().element();
      case FIELD -> operands.get(0).type().fields()
          .get(Integer.parseInt(((Literal) operands.get(1)).value())).type();
    };
  }

  private DataType widerNonDecimal(Operator op, List<Expr> operands) {
    DataType a = operands.get(0).type();
    DataType b = operands.get(1).type();
    if (a.name() == TypeName.DECIMAL || b.name() == TypeName.DECIMAL) {
      if (a.name() == TypeName.DOUBLE || b.name() == TypeName.DOUBLE) {
        return DataType.DOUBLE;
      }
      throw error(op + " on DECIMALs needs its result type, as in (" + op + ":DECIMAL(10,2) a b)");
    }
    int ra = List.of(TypeName.INTEGER, TypeName.BIGINT, TypeName.DOUBLE).indexOf(a.name());
    int rb = List.of(TypeName.INTEGER, TypeName.BIGINT, TypeName.DOUBLE).indexOf(b.name());
    return ra >= rb ? a : b;
  }

  private DataType typeSuffix() {
    if (pos >= text.length() || text.charAt(pos) != ':') {
      return null;
    }
    pos++;
    int start = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) == '(') {
      pos = text.indexOf(')', pos) + 1;
    }
    return type(text.substring(start, pos));
  }

  private String quoted() {
    StringBuilder out = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '\'') {
        if (pos < text.length() && text.charAt(pos) == '\'') {
          out.append('\'');
          pos++;
        } else {
          return out.toString();
        }
      } else {
        out.append(c);
      }
    }
  }

  private String bareToken() {
    int start = pos;
    while (pos < text.length() && " \t()':".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    if (start == pos) {
      throw error("token expected");
    }
    return text.substring(start, pos);
  }

  private void skipBlanks() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException(message + " at " + pos + " in: " + text);
  }
}

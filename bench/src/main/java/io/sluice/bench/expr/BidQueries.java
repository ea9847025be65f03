package io.sluice.bench.expr;

import static io.sluice.bench.expr.BidRows.AUCTION;
import static io.sluice.bench.expr.BidRows.BIDDER;
import static io.sluice.bench.expr.BidRows.CHANNEL;
import static io.sluice.bench.expr.BidRows.PRICE;
import static io.sluice.bench.expr.BidRows.SCHEMA;
import static io.sluice.bench.expr.BidRows.TS;
import static io.sluice.bench.expr.BidRows.URL;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * The expression trees of the benchmarked queries over {@link BidRows}, typed the way the planner
 * types them: literals keep their own type (100 is an INTEGER compared with a BIGINT), and DECIMAL
 * arithmetic carries Calcite's result precision and scale.
 */
public final class BidQueries {

  private static final DataType PRICE_FACTOR = DataType.decimal(4, 3);
  private static final DataType PRICE_PRODUCT = DataType.decimal(23, 3);
  private static final DataType EURO = DataType.decimal(12, 2);

  /** A filter's SQL and its condition. */
  public record Filter(String sql, Expr condition) {}

  /** A projection's SQL, its expressions and the schema of the rows it makes. */
  public record Projection(String sql, List<Expr> expressions, RowSchema output) {}

  private BidQueries() {}

  /** {@code WHERE PRICE > 100 AND CHANNEL LIKE 'app%' OR BIDDER IS NULL}. */
  public static Filter filter() {
    Expr condition = call(Operator.OR, DataType.BOOLEAN,
        call(Operator.AND, DataType.BOOLEAN,
            call(Operator.GREATER_THAN, DataType.BOOLEAN, column(PRICE), literal("100", DataType.INTEGER)),
            call(Operator.LIKE, DataType.BOOLEAN, column(CHANNEL), literal("app%", DataType.STRING))),
        call(Operator.IS_NULL, DataType.BOOLEAN, column(BIDDER)));
    return new Filter("PRICE > 100 AND CHANNEL LIKE 'app%' OR BIDDER IS NULL", condition);
  }

  /** Seven columns of arithmetic, DECIMAL, CASE, COALESCE and string functions over each bid. */
  public static Projection enrichment() {
    List<Column> output = new ArrayList<>();
    List<Expr> expressions = new ArrayList<>();
    add(output, expressions, "AUCTION", column(AUCTION));
    add(output, expressions, "BIDDER",
        call(Operator.COALESCE, DataType.BIGINT, column(BIDDER), literal("-1", DataType.BIGINT)));
    add(output, expressions, "PRICE_EUR", call(Operator.CAST, EURO,
        call(Operator.TIMES, PRICE_PRODUCT, column(PRICE), literal("0.908", PRICE_FACTOR))));
    add(output, expressions, "BAND", call(Operator.CASE, DataType.STRING,
        call(Operator.GREATER_THAN_OR_EQUAL, DataType.BOOLEAN, column(PRICE), literal("100000", DataType.INTEGER)),
        literal("high", DataType.STRING),
        call(Operator.GREATER_THAN_OR_EQUAL, DataType.BOOLEAN, column(PRICE), literal("1000", DataType.INTEGER)),
        literal("mid", DataType.STRING),
        literal("low", DataType.STRING)));
    add(output, expressions, "CHANNEL", call(Operator.UPPER, DataType.STRING, column(CHANNEL)));
    add(output, expressions, "ROUTE", call(Operator.CONCAT, DataType.STRING,
        column(CHANNEL), literal("/", DataType.STRING), call(Operator.CAST, DataType.STRING, column(AUCTION))));
    add(output, expressions, "HOST", call(Operator.SUBSTRING, DataType.STRING,
        column(URL), literal("9", DataType.INTEGER), literal("15", DataType.INTEGER)));
    return new Projection("SELECT AUCTION, COALESCE(BIDDER, -1) AS BIDDER,"
        + " CAST(PRICE * 0.908 AS DECIMAL(12, 2)) AS PRICE_EUR,"
        + " CASE WHEN PRICE >= 100000 THEN 'high' WHEN PRICE >= 1000 THEN 'mid' ELSE 'low' END AS BAND,"
        + " UPPER(CHANNEL) AS CHANNEL, CHANNEL || '/' || CAST(AUCTION AS STRING) AS ROUTE,"
        + " SUBSTRING(URL, 9, 15) AS HOST",
        expressions, new RowSchema(output));
  }

  /** {@code SELECT AUCTION, BIDDER, PRICE, CHANNEL, URL, TS}: every column copied as it is. */
  public static Projection passthrough() {
    List<Expr> expressions = List.of(
        column(AUCTION), column(BIDDER), column(PRICE), column(CHANNEL), column(URL), column(TS));
    return new Projection("SELECT AUCTION, BIDDER, PRICE, CHANNEL, URL, TS", expressions, SCHEMA);
  }

  static InputRef column(int index) {
    return new InputRef(index, SCHEMA.column(index).type());
  }

  static Literal literal(String text, DataType type) {
    return new Literal(text, type);
  }

  static Call call(Operator op, DataType type, Expr... operands) {
    return Call.of(op, type, operands);
  }

  private static void add(List<Column> output, List<Expr> expressions, String name, Expr expr) {
    output.add(Column.value(name, expr.type()));
    expressions.add(expr);
  }
}

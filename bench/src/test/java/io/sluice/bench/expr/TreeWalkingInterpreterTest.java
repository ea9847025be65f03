package io.sluice.bench.expr;

import static io.sluice.bench.expr.BidQueries.call;
import static io.sluice.bench.expr.BidQueries.column;
import static io.sluice.bench.expr.BidQueries.literal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.bench.expr.BidQueries.Projection;
import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.Operator;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowPredicate;
import io.sluice.runtime.expr.RowProjector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The benchmark's baseline must compute what the compiled code computes, or the comparison means
 * nothing: every benchmarked query, and a few more expressions over the interpreter's other
 * operators, are run both ways over the same generated bids and compared row by row.
 */
class TreeWalkingInterpreterTest {

  private static final Object[][] ROWS = BidRows.generate(500, 7L);

  @Test
  void interpretedFilterKeepsExactlyTheRowsTheCompiledFilterKeeps() {
    Expr condition = BidQueries.filter().condition();
    RowPredicate compiled = ExpressionCompiler.compilePredicate(condition, BidRows.SCHEMA);
    RowPredicate interpreted = TreeWalkingInterpreter.predicate(condition);
    int kept = 0;
    for (Object[] row : ROWS) {
      assertEquals(compiled.test(row), interpreted.test(row), () -> "row " + Arrays.toString(row));
      kept += compiled.test(row) ? 1 : 0;
    }
    assertTrue(kept > ROWS.length / 10 && kept < ROWS.length * 9 / 10,
        "the filter should keep some rows and drop others, kept " + kept);
  }

  @TestFactory
  Stream<DynamicTest> interpretedProjectionsMakeTheSameRowsAsCompiledOnes() {
    return Stream.of(BidQueries.enrichment(), BidQueries.passthrough())
        .map(projection -> DynamicTest.dynamicTest(projection.sql(), () -> assertSameRows(projection)));
  }

  @TestFactory
  Stream<DynamicTest> interpreterAgreesWithCompiledCodeOnItsOtherOperators() {
    Map<String, Expr> cases = Map.of(
        "NOT (CHANNEL = 'bing')", call(Operator.NOT, DataType.BOOLEAN,
            call(Operator.EQUALS, DataType.BOOLEAN, column(BidRows.CHANNEL), literal("bing", DataType.STRING))),
        "BIDDER IS NOT NULL OR URL LIKE '%/a_c%'", call(Operator.OR, DataType.BOOLEAN,
            call(Operator.IS_NOT_NULL, DataType.BOOLEAN, column(BidRows.BIDDER)),
            call(Operator.LIKE, DataType.BOOLEAN, column(BidRows.URL), literal("%/a_c%", DataType.STRING))),
        "PRICE / 7.00 (DECIMAL)", call(Operator.DIVIDE, DataType.decimal(25, 6),
            column(BidRows.PRICE), literal("7.00", DataType.decimal(3, 2))),
        "PRICE * 3 - BIDDER / 1000 % 7", call(Operator.MINUS, DataType.BIGINT,
            call(Operator.TIMES, DataType.BIGINT, column(BidRows.PRICE), literal("3", DataType.INTEGER)),
            call(Operator.MOD, DataType.BIGINT,
                call(Operator.DIVIDE, DataType.BIGINT, column(BidRows.BIDDER), literal("1000", DataType.INTEGER)),
                literal("7", DataType.INTEGER))),
        "TS < TIMESTAMP '2024-03-01T00:01:00Z' AND CHANNEL <= 'baidu'", call(Operator.AND, DataType.BOOLEAN,
            call(Operator.LESS_THAN, DataType.BOOLEAN, column(BidRows.TS),
                literal("2024-03-01T00:01:00Z", DataType.TIMESTAMP)),
            call(Operator.LESS_THAN_OR_EQUAL, DataType.BOOLEAN, column(BidRows.CHANNEL),
                literal("baidu", DataType.STRING))),
        "COALESCE(SUBSTRING(URL, 25), CAST(TS AS STRING))", call(Operator.COALESCE, DataType.STRING,
            call(Operator.SUBSTRING, DataType.STRING, column(BidRows.URL), literal("25", DataType.INTEGER)),
            call(Operator.CAST, DataType.STRING, column(BidRows.TS))),
        "CAST(CAST(PRICE AS STRING) AS DOUBLE) * 0.5e0", call(Operator.TIMES, DataType.DOUBLE,
            call(Operator.CAST, DataType.DOUBLE, call(Operator.CAST, DataType.STRING, column(BidRows.PRICE))),
            literal("0.5", DataType.DOUBLE)));
    return cases.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(c -> DynamicTest.dynamicTest(c.getKey(), () -> assertSameRows(new Projection(
            c.getKey(), List.of(c.getValue()), RowSchema.of(Column.value("X", c.getValue().type()))))));
  }

  @Test
  void generatedBidsIncludeNullBiddersChannelsAndUrls() {
    for (int column : new int[] {BidRows.BIDDER, BidRows.CHANNEL, BidRows.URL}) {
      assertTrue(Arrays.stream(ROWS).anyMatch(row -> row[column] == null),
          "no null in column " + BidRows.SCHEMA.column(column).name());
    }
  }

  @Test
  void interpreterRefusesOperatorsItDoesNotImplement() {
    Expr lower = call(Operator.LOWER, DataType.STRING, column(BidRows.CHANNEL));
    RowProjector projector = TreeWalkingInterpreter.projector(
        List.of(lower), RowSchema.of(Column.value("X", DataType.STRING)));
    RuntimeException e = assertThrows(RuntimeException.class, () -> projector.apply(ROWS[0]));
    assertTrue(e.getMessage().contains("does not implement LOWER"), e.getMessage());
  }

  private static void assertSameRows(Projection projection) {
    RowProjector compiled = ExpressionCompiler.compileProjector(
        projection.expressions(), BidRows.SCHEMA, projection.output());
    RowProjector interpreted = TreeWalkingInterpreter.projector(projection.expressions(), projection.output());
    for (Object[] row : ROWS) {
      assertArrayEquals(compiled.apply(row), interpreted.apply(row), () -> "row " + Arrays.toString(row));
    }
  }
}

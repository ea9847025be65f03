package io.sluice.planner.calcite;

import io.sluice.plan.node.AggregateFunction;
import io.sluice.planner.PlanningException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Refuses, at its position, an aggregate function call Sluice cannot run: an unknown function, a
 * DISTINCT other than COUNT(DISTINCT x), a FILTER on an aggregate that keeps nulls, an OVER clause,
 * a TOPK whose k is not a positive whole number, a LATEST_BY_OFFSET whose flag is not TRUE or FALSE, and over a table, a function
 * that cannot take a row back out.
 */
public final class AggregateCallCheck extends SqlBasicVisitor<Void> {

  private final boolean overTable;

  private AggregateCallCheck(boolean overTable) {
    this.overTable = overTable;
  }

  /** Checks every aggregate call of a validated query; {@code overTable} if it aggregates a TABLE. */
  /** The aggregates that keep nulls, so a FILTER cannot be written as a null argument. */
  private static final Set<String> COUNTS_NULLS = Set.of("COLLECT_LIST", "COLLECT_SET");

  public static void check(SqlNode validated, boolean overTable) {
    validated.accept(new AggregateCallCheck(overTable));
  }

  @Override
  public Void visit(SqlCall call) {
    SqlKind kind = call.getKind();
    if (kind == SqlKind.OVER) {
      throw new PlanningException("OVER windows are not supported; aggregate with GROUP BY", call.getParserPosition());
    }
    if (kind == SqlKind.WITHIN_GROUP || kind == SqlKind.WITHIN_DISTINCT) {
      throw new PlanningException("WITHIN GROUP and WITHIN DISTINCT are not supported on aggregates",
          call.getParserPosition());
    }
    if (kind == SqlKind.FILTER && call.operand(0) instanceof SqlCall aggregate
        && COUNTS_NULLS.contains(aggregate.getOperator().getName().toUpperCase(Locale.ROOT))) {
      throw new PlanningException("FILTER is not supported on " + aggregate.getOperator().getName()
          + ", which keeps null values", call.getParserPosition());
    }
    if (call.getOperator() instanceof SqlAggFunction function && !WindowBoundFunctions.isWindowBound(function)) {
      checkAggregate(call, function);
    }
    return super.visit(call);
  }

  private void checkAggregate(SqlCall call, SqlAggFunction function) {
    boolean distinct = call.getFunctionQuantifier() != null
        && call.getFunctionQuantifier().getValue() == SqlSelectKeyword.DISTINCT;
    String name = function.getName();
    if (distinct && (!name.equals("COUNT") || call.operandCount() != 1)) {
      throw new PlanningException("DISTINCT is supported only as COUNT(DISTINCT x)", call.getParserPosition());
    }
    AggregateFunction mapped = AggregateFunctions.of(function, distinct);
    if (mapped == null) {
      throw new PlanningException("Aggregate function " + name + " is not supported yet", call.getParserPosition());
    }
    if (overTable && !mapped.undoable()) {
      throw new PlanningException(name + " is not supported on tables: a table's rows change, and " + name
          + " cannot take an old row back out. Aggregate a stream instead", call.getParserPosition());
    }
    if ((mapped == AggregateFunction.TOPK || mapped == AggregateFunction.TOPKDISTINCT) && !positiveWhole(call.operand(1))) {
      throw new PlanningException(name + "'s k must be a positive whole number, such as " + name + "(x, 3)",
          call.operand(1).getParserPosition());
    }
    if ((mapped == AggregateFunction.LATEST_BY_OFFSET || mapped == AggregateFunction.EARLIEST_BY_OFFSET)
        && call.operandCount() == 2 && !booleanLiteral(call.operand(1))) {
      throw new PlanningException(name + "'s second argument, ignoreNulls, must be TRUE or FALSE",
          call.operand(1).getParserPosition());
    }
  }

  private static boolean positiveWhole(SqlNode node) {
    if (!(node instanceof SqlLiteral literal) || literal.getTypeName() != SqlTypeName.DECIMAL) {
      return false;
    }
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    return value.scale() <= 0 && value.signum() > 0 && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
  }

  private static boolean booleanLiteral(SqlNode node) {
    return node instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.BOOLEAN && literal.getValue() != null;
  }
}

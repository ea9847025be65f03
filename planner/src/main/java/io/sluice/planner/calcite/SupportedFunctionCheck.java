package io.sluice.planner.calcite;

import io.sluice.planner.PlanningException;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Refuses, at its position in the statement, a function Calcite knows but Sluice cannot run yet
 * (CURRENT_TIMESTAMP, TRUNCATE, ...). Relational expressions carry no positions, so this is checked
 * on the validated SQL. Aggregate functions are left to the aggregation checks.
 */
public final class SupportedFunctionCheck extends SqlBasicVisitor<Void> {

  /** The functions {@link RexToExpr} translates, by SQL name. */
  private static final Set<String> SUPPORTED = Set.of(
      "UPPER", "UCASE", "LOWER", "LCASE", "SUBSTRING", "TRIM", "CHAR_LENGTH", "CHARACTER_LENGTH", "LEN",
      "POSITION", "REPLACE", "CONCAT", "ABS", "ROUND", "FLOOR", "CEIL", "CEILING", "POWER", "SQRT", "EXP", "LN",
      "SIGN", "MOD", "COALESCE", "IFNULL", "NULLIF", "CAST", "REGEXP_EXTRACT", "SPLIT_INDEX", "COUNT_CHAR",
      "FORMAT_TIMESTAMP", "DATE_FORMAT", "EXTRACT", "YEAR", "QUARTER", "MONTH", "WEEK", "DAYOFMONTH", "DAYOFWEEK", "DAYOFYEAR", "HOUR",
      "MINUTE", "SECOND");

  private SupportedFunctionCheck() {}

  public static void check(SqlNode validated) {
    validated.accept(new SupportedFunctionCheck());
  }

  @Override
  public Void visit(SqlCall call) {
    if (call.getOperator() instanceof SqlFunction function && !(function instanceof SqlAggFunction)
        && !SUPPORTED.contains(function.getName().toUpperCase(Locale.ROOT))) {
      throw new PlanningException("Function " + function.getName() + " is not supported yet", call.getParserPosition());
    }
    return super.visit(call);
  }
}

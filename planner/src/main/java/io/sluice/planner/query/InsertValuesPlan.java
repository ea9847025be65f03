package io.sluice.planner.query;

import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.expr.Expr;
import java.util.List;

/**
 * A planned INSERT INTO ... VALUES: for each row, one constant expression per target column (key
 * and value columns, in schema order, already of the column's type), and the ROWTIME expression or
 * null to use the current time.
 */
public record InsertValuesPlan(SourceDescriptor target, List<Row> rows) {

  /** One row to insert. */
  public record Row(List<Expr> columns, Expr rowtime) {}
}

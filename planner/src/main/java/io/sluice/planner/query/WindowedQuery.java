package io.sluice.planner.query;

import io.sluice.parser.ast.SqlWindowedSelect;
import io.sluice.plan.WindowSpec;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A persistent query's SELECT as Calcite can read it, and the window it aggregates over, written
 * either as ksqlDB's WINDOW clause or as a window table function in FROM; {@code window} is null
 * for neither. {@code tableFunction} says which, as it decides how the window bounds are named
 * and typed: WINDOWSTART/WINDOWEND (BIGINT) or window_start/window_end (TIMESTAMP).
 */
record WindowedQuery(SqlSelect select, WindowSpec window, SqlParserPos windowPosition, boolean tableFunction) {

  static WindowedQuery of(SqlSelect written, CatalogView catalog) {
    refuseNestedWindows(written.getFrom());
    if (written instanceof SqlWindowedSelect windowed) {
      return new WindowedQuery(windowed.withoutKsqlWindow(), WindowSpecs.of(windowed.ksqlWindow(),
          StreamGrace.of(written.getFrom(), catalog)),
          windowed.ksqlWindow().position(), false);
    }
    WindowedQuery fromFunction = WindowTableFunctions.rewrite(written, catalog);
    return fromFunction != null ? fromFunction : new WindowedQuery(written, null, null, false);
  }

  /**
   * Refuses a WINDOW clause or a window table function in a subquery of FROM: Calcite would read
   * the first as a plain SELECT, and only the outermost SELECT aggregates.
   */
  private static void refuseNestedWindows(SqlNode from) {
    if (from == null) {
      return;
    }
    from.accept(new SqlBasicVisitor<Void>() {
      private boolean inSubquery;

      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlWindowedSelect nested) {
          throw new PlanningException("A WINDOW clause is supported in the outermost SELECT only",
              nested.ksqlWindow().position());
        }
        if (inSubquery && call.getKind() == SqlKind.COLLECTION_TABLE) {
          throw new PlanningException("A window table function is supported in the FROM clause of the outermost "
              + "SELECT only", call.getParserPosition());
        }
        boolean outer = inSubquery;
        inSubquery = inSubquery || call.getKind() == SqlKind.SELECT;
        super.visit(call);
        inSubquery = outer;
        return null;
      }
    });
  }
}

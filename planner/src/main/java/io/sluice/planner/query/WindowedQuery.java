package io.sluice.planner.query;

import io.sluice.parser.ast.SqlWindowedSelect;
import io.sluice.plan.WindowSpec;
import io.sluice.planner.CatalogView;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A persistent query's SELECT as Calcite can read it, and the window it aggregates over, written
 * either as ksqlDB's WINDOW clause or as a window table function in FROM; {@code window} is null
 * for neither. {@code tableFunction} says which, as it decides how the window bounds are named
 * and typed: WINDOWSTART/WINDOWEND (BIGINT) or window_start/window_end (TIMESTAMP).
 */
record WindowedQuery(SqlSelect select, WindowSpec window, SqlParserPos windowPosition, boolean tableFunction) {

  static WindowedQuery of(SqlSelect written, CatalogView catalog) {
    if (written instanceof SqlWindowedSelect windowed) {
      return new WindowedQuery(windowed.withoutKsqlWindow(), WindowSpecs.of(windowed.ksqlWindow()),
          windowed.ksqlWindow().position(), false);
    }
    WindowedQuery fromFunction = WindowTableFunctions.rewrite(written, catalog);
    return fromFunction != null ? fromFunction : new WindowedQuery(written, null, null, false);
  }
}

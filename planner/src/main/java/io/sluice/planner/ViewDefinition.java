package io.sluice.planner;

import io.sluice.parser.ParsedStatement;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.SqlCreateView;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * A view in the catalog: its name and the CREATE VIEW statement that defined it, whose query
 * stands in for the view wherever a query names it.
 */
public record ViewDefinition(String name, String statementText) {

  /** A fresh copy of the view's query, for a planner to rewrite as it goes. */
  public SqlNode query() {
    List<ParsedStatement> parsed = SluiceParser.parse(statementText);
    if (parsed.size() != 1 || !(parsed.get(0).node() instanceof SqlCreateView create)) {
      throw new IllegalStateException("view " + name + " is not defined by one CREATE VIEW: " + statementText);
    }
    return create.query();
  }
}

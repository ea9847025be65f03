package io.sluice.planner.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * An operator table without the operators of some names, so that another table's operators of
 * those names are the only candidates, rather than ambiguous overloads.
 */
final class ShadowedOperatorTable implements SqlOperatorTable {

  private final SqlOperatorTable delegate;
  private final Set<String> hidden;

  ShadowedOperatorTable(SqlOperatorTable delegate, Set<String> hidden) {
    this.delegate = delegate;
    this.hidden = Set.copyOf(hidden);
  }

  @Override
  public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
      List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
    List<SqlOperator> found = new ArrayList<>();
    delegate.lookupOperatorOverloads(opName, category, syntax, found, nameMatcher);
    found.removeIf(op -> hidden.contains(op.getName()));
    operatorList.addAll(found);
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    return delegate.getOperatorList().stream().filter(op -> !hidden.contains(op.getName())).toList();
  }
}

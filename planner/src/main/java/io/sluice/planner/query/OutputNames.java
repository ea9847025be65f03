package io.sluice.planner.query;

import io.sluice.plan.PseudoColumn;
import io.sluice.planner.PlanningException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * The names of a SELECT's output columns, as ksqlDB gives them: aliases, column names, a struct
 * field's name for {@code s->f} and {@code s.f}, or KSQL_COL_n.
 */
public final class OutputNames {

  private OutputNames() {}

  /**
   * The names of {@code select}'s items, refusing clashes, and pseudo column names unless
   * {@code allowPseudo} (a query's output written to a topic cannot have a column named ROWTIME).
   */
  public static List<String> of(SqlSelect select, boolean allowPseudo) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    SqlNodeList items = select.getSelectList();
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      String alias = item.getKind() == SqlKind.DOT
          && ((SqlCall) item).operand(1) instanceof SqlIdentifier field
          ? field.getSimple() : SqlValidatorUtil.alias(item);
      String name = alias != null ? alias : "KSQL_COL_" + i;
      if (!allowPseudo && PseudoColumn.isPseudo(name)) {
        throw new PlanningException(
            "Reserved column name in select: " + name + ". Please use an alias.", item.getParserPosition());
      }
      if (!seen.add(name)) {
        throw new PlanningException(
            "Duplicate column name in select: " + name + ". Please use an alias.", item.getParserPosition());
      }
      names.add(name);
    }
    return names;
  }
}

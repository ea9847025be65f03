package io.sluice.planner.query;

import io.sluice.plan.Column;
import io.sluice.plan.PseudoColumn;
import io.sluice.plan.SourceDescriptor;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * Expands {@code *} in a select list to the source's key and value columns, leaving out the
 * pseudo columns, as ksqlDB does: ROWTIME and friends appear only when named. Over a named
 * subquery (a view) whose columns all have names, {@code *} is its columns, its own stars expanded
 * first.
 */
public final class SelectStarExpander {

  private SelectStarExpander() {}

  public static void expand(SqlSelect select, CatalogView catalog) {
    SqlNode from = select.getFrom();
    String alias = null;
    if (from != null && from.getKind() == SqlKind.AS) {
      List<SqlNode> operands = ((SqlBasicCall) from).getOperandList();
      alias = ((SqlIdentifier) operands.get(1)).getSimple();
      from = operands.get(0);
    }
    if (from instanceof SqlSelect subquery) {
      expand(subquery, catalog);
      expandOverSubquery(select, subquery, alias);
      return;
    }
    if (!(from instanceof SqlIdentifier table) || !table.isSimple()) {
      refuseStars(select);
      return;
    }
    SourceDescriptor source = catalog.source(table.getSimple()).orElse(null);
    if (source == null) {
      return;
    }
    String qualifier = alias != null ? alias : table.getSimple();
    SqlNodeList expanded = new SqlNodeList(select.getSelectList().getParserPosition());
    for (SqlNode item : select.getSelectList()) {
      if (item instanceof SqlIdentifier id && id.isStar() && isStarOf(id, qualifier)) {
        for (Column column : source.schema().columns()) {
          expanded.add(new SqlIdentifier(List.of(qualifier, column.name()), id.getParserPosition()));
        }
      } else {
        expanded.add(item);
      }
    }
    select.setSelectList(expanded);
  }

  private static void expandOverSubquery(SqlSelect select, SqlSelect subquery, String alias) {
    List<String> names = new ArrayList<>();
    for (SqlNode item : subquery.getSelectList()) {
      String name = item.getKind() == SqlKind.AS || item instanceof SqlIdentifier ? SqlValidatorUtil.alias(item) : null;
      if (name == null || alias == null) {
        refuseStars(select);
        return;
      }
      if (!PseudoColumn.isPseudo(name)) {
        names.add(name);
      }
    }
    SqlNodeList expanded = new SqlNodeList(select.getSelectList().getParserPosition());
    for (SqlNode item : select.getSelectList()) {
      if (item instanceof SqlIdentifier id && id.isStar() && isStarOf(id, alias)) {
        names.forEach(name -> expanded.add(new SqlIdentifier(List.of(alias, name), id.getParserPosition())));
      } else {
        expanded.add(item);
      }
    }
    select.setSelectList(expanded);
  }

  private static void refuseStars(SqlSelect select) {
    for (SqlNode item : select.getSelectList()) {
      if (item instanceof SqlIdentifier id && id.isStar()) {
        throw new PlanningException("SELECT * is supported directly over a stream or table only; name the columns",
            id.getParserPosition());
      }
    }
  }

  private static boolean isStarOf(SqlIdentifier star, String qualifier) {
    return star.names.size() == 1 || (star.names.size() == 2 && star.names.get(0).equals(qualifier));
  }
}

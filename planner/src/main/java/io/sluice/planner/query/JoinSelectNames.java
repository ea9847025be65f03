package io.sluice.planner.query;

import io.sluice.plan.Column;
import io.sluice.plan.PseudoColumn;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Names the select items of a query over joins as ksqlDB does: {@code *} and {@code alias.*} expand
 * to every key and value column of the sources, each named {@code <ALIAS>_<COLUMN>}; a column
 * reference {@code alias.column} without AS is named {@code <ALIAS>_<COLUMN>} when another source
 * of the query has a column of that name (pseudo columns always do), and {@code COLUMN} otherwise.
 * The alias of a source without one is its name. A synthetic join key, when the query has one,
 * comes first in {@code *}.
 */
final class JoinSelectNames {

  private JoinSelectNames() {}

  /** Names the items of {@code select}, whose FROM clause is a join. */
  static void apply(SqlSelect select, CatalogView catalog, SyntheticKey syntheticKey) {
    List<FromSources> sources = FromSources.of(select.getFrom(), catalog);
    Map<String, Integer> columnCounts = new LinkedHashMap<>();
    for (FromSources source : sources) {
      if (source.descriptor() != null) {
        source.descriptor().schema().columns().forEach(c -> columnCounts.merge(c.name(), 1, Integer::sum));
      }
    }
    SqlNodeList named = new SqlNodeList(select.getSelectList().getParserPosition());
    for (SqlNode item : select.getSelectList()) {
      if (item instanceof SqlIdentifier id && id.isStar()) {
        if (id.names.size() == 1 && syntheticKey != null) {
          named.add(syntheticKey.selectItem(id.getParserPosition()));
        }
        for (FromSources source : sources) {
          if (id.names.size() == 1 || id.names.get(0).equals(source.qualifier())) {
            expand(source, id, named);
          }
        }
      } else if (item instanceof SqlIdentifier id && id.names.size() == 2) {
        String column = id.names.get(1);
        boolean clashes = columnCounts.getOrDefault(column, 0) > 1 || PseudoColumn.isPseudo(column);
        named.add(clashes ? as(id, id.names.get(0) + "_" + column) : id);
      } else {
        named.add(item);
      }
    }
    select.setSelectList(named);
  }

  private static void expand(FromSources source, SqlIdentifier star, SqlNodeList named) {
    if (source.descriptor() == null) {
      throw new PlanningException("SELECT * over a join is supported when every side is a stream or table; "
          + "name the columns of the subquery " + source.qualifier(), star.getParserPosition());
    }
    for (Column column : source.descriptor().schema().columns()) {
      SqlIdentifier ref = new SqlIdentifier(List.of(source.qualifier(), column.name()), star.getParserPosition());
      named.add(as(ref, source.qualifier() + "_" + column.name()));
    }
  }

  private static SqlNode as(SqlNode node, String name) {
    SqlParserPos pos = node.getParserPosition();
    return SqlStdOperatorTable.AS.createCall(pos, node, new SqlIdentifier(name, pos));
  }
}

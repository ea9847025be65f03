package io.sluice.planner.query;

import io.sluice.parser.SluiceSqlDialect;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.planner.PlanningException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Litmus;

/**
 * The key rule of an aggregation, as ksqlDB's: each GROUP BY expression must also appear in the
 * SELECT list, and those select items become the output key, in GROUP BY order.
 */
final class GroupKeys {

  /** One GROUP BY expression as written, for errors: validation rewrites the statement's nodes. */
  private record Written(String text, SqlParserPos pos) {}

  private final List<Written> written;
  private final SqlParserPos listPos;

  private GroupKeys(List<Written> written, SqlParserPos listPos) {
    this.written = written;
    this.listPos = listPos;
  }

  /** The GROUP BY list as written, refusing an expression listed twice. */
  static GroupKeys of(SqlNodeList groupBy) {
    List<Written> written = new ArrayList<>();
    for (int i = 0; i < groupBy.size(); i++) {
      SqlNode item = groupBy.get(i);
      for (int j = 0; j < i; j++) {
        if (item.equalsDeep(groupBy.get(j), Litmus.IGNORE)) {
          throw new PlanningException("GROUP BY lists " + text(item) + " more than once", item.getParserPosition());
        }
      }
      written.add(new Written(text(item), item.getParserPosition()));
    }
    return new GroupKeys(written, groupBy.getParserPosition());
  }

  /** The indexes of the select items that are the keys, in GROUP BY order. */
  List<Integer> match(ProjectNode project, AggregateNode aggregate, int selectCount) {
    if (aggregate.groupBy().size() != written.size()) {
      throw new PlanningException("GROUP BY lists the same expression more than once", listPos);
    }
    List<Integer> keyItems = new ArrayList<>();
    for (int g = 0; g < written.size(); g++) {
      Expr key = new InputRef(g, aggregate.schema().column(g).type());
      int match = -1;
      for (int i = 0; i < selectCount && match < 0; i++) {
        if (project.expressions().get(i).equals(key) && !keyItems.contains(i)) {
          match = i;
        }
      }
      if (match < 0) {
        throw new PlanningException("The GROUP BY expression " + written.get(g).text()
            + " must also appear in the SELECT list, where it becomes a key column", written.get(g).pos());
      }
      keyItems.add(match);
    }
    return keyItems;
  }

  private static String text(SqlNode node) {
    return node.toSqlString(SluiceSqlDialect.DEFAULT).getSql();
  }
}

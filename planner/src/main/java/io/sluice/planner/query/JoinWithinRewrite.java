package io.sluice.planner.query;

import io.sluice.parser.ast.SqlJoinWithin;
import io.sluice.planner.calcite.JoinWithinMarker;
import java.time.Duration;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Moves each WITHIN clause of a FROM clause's joins into its join's ON condition, as a
 * {@link JoinWithinMarker} conjunct, so Calcite can validate the join and carry the window into the
 * relational plan.
 */
final class JoinWithinRewrite {

  private JoinWithinRewrite() {}

  static void rewrite(SqlSelect select) {
    rewriteFrom(select.getFrom());
  }

  private static void rewriteFrom(SqlNode from) {
    if (!(from instanceof SqlJoin join)) {
      return;
    }
    rewriteFrom(join.getLeft());
    if (join.getRight() instanceof SqlJoinWithin within) {
      join.setRight(within.table());
      SqlParserPos pos = within.position();
      SqlNode marker = JoinWithinMarker.INSTANCE.createCall(pos,
          millis(within.before(), pos), millis(within.after(), pos), millis(within.grace(), pos));
      join.setOperand(5, SqlStdOperatorTable.AND.createCall(pos, join.getCondition(), marker));
    }
    rewriteFrom(join.getRight());
  }

  private static SqlLiteral millis(Duration duration, SqlParserPos pos) {
    long millis = duration == null ? JoinWithinMarker.NO_GRACE : duration.toMillis();
    return SqlLiteral.createExactNumeric(Long.toString(millis), pos);
  }
}

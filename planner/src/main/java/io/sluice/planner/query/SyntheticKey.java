package io.sluice.planner.query;

import io.sluice.plan.SourceDescriptor;
import io.sluice.planner.CatalogView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The synthetic key column of a join whose key matches no source column, as ksqlDB names it: a FULL
 * OUTER join (either side's key may be missing) or a join on expressions only. Its value is the
 * first non-null of the two sides' join values, and it is named {@code ROWKEY}, or
 * {@code ROWKEY_<n>} when a source has a ROWKEY column. It is a select item like any other: the
 * query names it (or {@code *} includes it) and may alias it.
 */
final class SyntheticKey {

  private final String name;
  private final SqlNode left;
  private final SqlNode right;
  /** The key's value nodes made so far, to tell them among the select items (by identity). */
  private final Set<SqlNode> values = Collections.newSetFromMap(new IdentityHashMap<>());

  private SyntheticKey(String name, SqlNode left, SqlNode right) {
    this.name = name;
    this.left = left;
    this.right = right;
  }

  /** The synthetic key of the outermost join of {@code from}, or null when it has none. */
  static SyntheticKey of(SqlNode from, CatalogView catalog) {
    if (!(from instanceof SqlJoin join) || join.getCondition() == null) {
      return null;
    }
    List<SqlCall> equalities = new ArrayList<>();
    equalities(join.getCondition(), equalities);
    if (equalities.size() != 1) {
      return null;
    }
    SqlNode left = equalities.get(0).operand(0);
    SqlNode right = equalities.get(0).operand(1);
    boolean expressionsOnly = !(left instanceof SqlIdentifier) && !(right instanceof SqlIdentifier);
    if (join.getJoinType() != JoinType.FULL && !expressionsOnly) {
      return null;
    }
    return new SyntheticKey(freeName(catalog, from), left, right);
  }

  String name() {
    return name;
  }

  /** The key as a select item: {@code COALESCE(left, right) AS <name>}. */
  SqlNode selectItem(SqlParserPos pos) {
    return SqlStdOperatorTable.AS.createCall(pos, value(pos), new SqlIdentifier(name, pos));
  }

  /**
   * Replaces each select item that names the key, bare or aliased, by the key's value, and returns
   * the positions of the items that are the key (those {@code *} gave included).
   */
  List<Integer> resolveIn(SqlSelect select) {
    SqlNodeList items = new SqlNodeList(select.getSelectList().getParserPosition());
    List<Integer> keyItems = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      if (isKey(item)) {
        item = selectItem(item.getParserPosition());
      } else if (item.getKind() == SqlKind.AS && isKey(((SqlBasicCall) item).operand(0))) {
        SqlBasicCall as = (SqlBasicCall) item;
        item = SqlStdOperatorTable.AS.createCall(as.getParserPosition(), value(as.getParserPosition()), as.operand(1));
      }
      if (item.getKind() == SqlKind.AS && values.contains(((SqlBasicCall) item).operand(0))) {
        keyItems.add(items.size());
      }
      items.add(item);
    }
    select.setSelectList(items);
    return keyItems;
  }

  private boolean isKey(SqlNode node) {
    return node instanceof SqlIdentifier id && id.isSimple() && id.getSimple().equals(name);
  }

  private SqlNode value(SqlParserPos pos) {
    SqlNode value = SqlStdOperatorTable.COALESCE.createCall(pos, left, right);
    values.add(value);
    return value;
  }

  private static void equalities(SqlNode condition, List<SqlCall> out) {
    if (condition instanceof SqlCall call && call.getKind() == SqlKind.AND) {
      call.getOperandList().forEach(operand -> equalities(operand, out));
    } else if (condition instanceof SqlCall call && call.getKind() == SqlKind.EQUALS) {
      out.add(call);
    }
  }

  private static String freeName(CatalogView catalog, SqlNode from) {
    List<SourceDescriptor> sources = FromSources.of(from, catalog).stream()
        .map(FromSources::descriptor).filter(Objects::nonNull).toList();
    String candidate = "ROWKEY";
    for (int n = 1; taken(candidate, sources); n++) {
      candidate = "ROWKEY_" + n;
    }
    return candidate;
  }

  private static boolean taken(String name, List<SourceDescriptor> sources) {
    return sources.stream().anyMatch(s -> s.schema().indexOf(name) >= 0);
  }
}

package io.sluice.planner.query;

import io.sluice.parser.ast.SqlJoinWithin;
import io.sluice.plan.PseudoColumn;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import io.sluice.planner.ViewDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * Replaces each view a query's FROM clauses name by the view's query, as a subquery named like the
 * view (or by the alias written), before anything else reads the query; views over views expand
 * in turn. Inside a window table function, {@code TABLE v} becomes the view's query. A view of one
 * stream passes the stream's ROWTIME on.
 */
public final class ViewExpansion {

  private final CatalogView catalog;
  private final Set<String> viewsRead = new LinkedHashSet<>();
  private final Deque<String> expanding = new ArrayDeque<>();

  private ViewExpansion(CatalogView catalog) {
    this.catalog = catalog;
  }

  /** Expands the views {@code query} reads, in place where it can; returns the query to plan. */
  public static SqlNode expand(SqlNode query, CatalogView catalog) {
    return new ViewExpansion(catalog).query(query);
  }

  /** The views {@code query} reads, directly or through other views (the query itself is expanded in place). */
  public static Set<String> viewsRead(SqlNode query, CatalogView catalog) {
    ViewExpansion expansion = new ViewExpansion(catalog);
    expansion.query(query);
    return expansion.viewsRead;
  }

  private SqlNode query(SqlNode node) {
    if (node instanceof SqlSelect select) {
      if (select.getFrom() != null) {
        select.setFrom(from(select.getFrom()));
      }
      return select;
    }
    if (node instanceof SqlOrderBy orderBy) {
      query(orderBy.query); // expanded in place: a SELECT or set operation is never replaced
      return orderBy;
    }
    if (node instanceof SqlBasicCall call && isSetOperation(call)) {
      for (int i = 0; i < call.operandCount(); i++) {
        call.setOperand(i, query(call.operand(i)));
      }
    }
    return node;
  }

  private SqlNode from(SqlNode from) {
    if (from instanceof SqlIdentifier id) {
      SqlNode view = viewQuery(id);
      return view == null ? id : SqlStdOperatorTable.AS.createCall(id.getParserPosition(), view, id);
    }
    if (from instanceof SqlJoin join) {
      join.setLeft(from(join.getLeft()));
      join.setRight(from(join.getRight()));
      return join;
    }
    if (from instanceof SqlJoinWithin within) {
      within.setOperand(0, from(within.table()));
      return within;
    }
    if (from.getKind() == SqlKind.AS) {
      SqlBasicCall alias = (SqlBasicCall) from;
      SqlNode table = alias.operand(0);
      SqlNode view = table instanceof SqlIdentifier id ? viewQuery(id) : null;
      alias.setOperand(0, view != null ? view : table instanceof SqlIdentifier ? table : from(table));
      return alias;
    }
    if (from.getKind() == SqlKind.COLLECTION_TABLE) {
      tableFunction((SqlCall) ((SqlCall) from).operand(0));
      return from;
    }
    return query(from);
  }

  /**
   * {@code TABLE v} as a window table function's first argument becomes v's query named v, which
   * {@link WindowTableFunctions} takes apart before Calcite reads the query.
   */
  private void tableFunction(SqlCall function) {
    if (function.operandCount() == 0) {
      return;
    }
    SqlNode first = function.operand(0);
    SqlCall holder = function;
    if (first.getKind() == SqlKind.SET_SEMANTICS_TABLE) {
      holder = (SqlCall) first;
      first = holder.operand(0);
    }
    if (first.getKind() == SqlKind.EXPLICIT_TABLE && ((SqlCall) first).operand(0) instanceof SqlIdentifier id) {
      SqlNode view = viewQuery(id);
      if (view != null) {
        holder.setOperand(0, SqlStdOperatorTable.AS.createCall(id.getParserPosition(), view, id));
      }
    }
  }

  /** The expanded query of the view {@code id} names, or null if it names no view. */
  private SqlNode viewQuery(SqlIdentifier id) {
    if (!id.isSimple()) {
      return null;
    }
    ViewDefinition view = catalog.view(id.getSimple()).orElse(null);
    if (view == null) {
      return null;
    }
    viewsRead.add(view.name());
    if (expanding.contains(view.name())) {
      throw new PlanningException("View " + view.name() + " reads itself, through " + String.join(" and ", expanding),
          id.getParserPosition());
    }
    expanding.push(view.name());
    try {
      SqlNode query = query(view.query());
      if (query instanceof SqlSelect select && !(select.getFrom() instanceof SqlJoin)) {
        SelectStarExpander.expand(select, catalog);
        nameColumns(select);
        passRowtimeOn(select);
      }
      return query;
    } finally {
      expanding.pop();
    }
  }

  /**
   * Adds the stream's ROWTIME to a view of one stream, as a stream made from it would carry its
   * records' timestamps: a query may read ROWTIME of the view, and window by it.
   */
  private static void passRowtimeOn(SqlSelect select) {
    String rowtime = PseudoColumn.ROWTIME.name();
    for (SqlNode item : select.getSelectList()) {
      if (rowtime.equals(SqlValidatorUtil.alias(item))) {
        return;
      }
    }
    SqlParserPos pos = select.getSelectList().getParserPosition();
    select.getSelectList().add(SqlStdOperatorTable.AS.createCall(pos, new SqlIdentifier(rowtime, pos),
        new SqlIdentifier(rowtime, pos)));
  }

  /** Names each column of a view as the view's schema does, so the query reading it finds them by those names. */
  private static void nameColumns(SqlSelect select) {
    List<String> names = OutputNames.of(select, true);
    SqlNodeList named = new SqlNodeList(select.getSelectList().getParserPosition());
    for (int i = 0; i < names.size(); i++) {
      SqlNode item = select.getSelectList().get(i);
      named.add(item.getKind() == SqlKind.AS ? item : SqlStdOperatorTable.AS.createCall(item.getParserPosition(),
          item, new SqlIdentifier(names.get(i), item.getParserPosition())));
    }
    select.setSelectList(named);
  }

  private static boolean isSetOperation(SqlCall call) {
    return call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT || call.getKind() == SqlKind.EXCEPT;
  }
}

package io.sluice.planner.calcite;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Rewrites {@code col.field[.field...]}, a dotted name that does not start with a source's name or
 * alias, into field accesses on the column, which Calcite resolves only when a source qualifies the
 * column ({@code s.col.field}). So {@code bid.price} reads as {@code bid->price}, as in ksqlDB.
 */
final class ColumnFieldAccess {

  private ColumnFieldAccess() {}

  /** Rewrites {@code query} in place. */
  static void rewrite(SqlNode query) {
    Set<String> qualifiers = new HashSet<>();
    collectQualifiers(query, qualifiers);
    rewriteChildren(query, qualifiers);
  }

  private static void collectQualifiers(SqlNode node, Set<String> qualifiers) {
    if (node instanceof SqlSelect select) {
      collectFrom(select.getFrom(), qualifiers);
    }
    if (node instanceof SqlCall call) {
      for (SqlNode operand : call.getOperandList()) {
        collectQualifiers(operand, qualifiers);
      }
    } else if (node instanceof SqlNodeList list) {
      for (SqlNode item : list) {
        collectQualifiers(item, qualifiers);
      }
    }
  }

  private static void collectFrom(SqlNode from, Set<String> qualifiers) {
    if (from instanceof SqlJoin join) {
      collectFrom(join.getLeft(), qualifiers);
      collectFrom(join.getRight(), qualifiers);
    } else if (from != null && from.getKind() == SqlKind.AS) {
      List<SqlNode> operands = ((SqlBasicCall) from).getOperandList();
      qualifiers.add(((SqlIdentifier) operands.get(1)).getSimple());
      collectFrom(operands.get(0), qualifiers);
    } else if (from instanceof SqlIdentifier id) {
      qualifiers.add(id.names.get(id.names.size() - 1));
    }
  }

  private static void rewriteChildren(SqlNode node, Set<String> qualifiers) {
    if (node instanceof SqlCall call) {
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode operand = operands.get(i);
        SqlNode access = fieldAccess(operand, qualifiers);
        if (access != null && canSet(call)) {
          call.setOperand(i, access);
        } else {
          rewriteChildren(operand, qualifiers);
        }
      }
    } else if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode access = fieldAccess(list.get(i), qualifiers);
        if (access != null) {
          list.set(i, access);
        } else {
          rewriteChildren(list.get(i), qualifiers);
        }
      }
    }
  }

  /** Calcite's calls take new operands; a few of Sluice's own nodes hold no expressions and do not. */
  private static boolean canSet(SqlCall call) {
    return call instanceof SqlBasicCall || call instanceof SqlSelect || call instanceof SqlJoin
        || call instanceof SqlCase;
  }

  /** The field accesses {@code node} stands for, or null when it is not such a dotted name. */
  private static SqlNode fieldAccess(SqlNode node, Set<String> qualifiers) {
    if (!(node instanceof SqlIdentifier id) || id.isSimple() || id.isStar()
        || qualifiers.contains(id.names.get(0))) {
      return null;
    }
    SqlNode access = new SqlIdentifier(id.names.get(0), id.getComponentParserPosition(0));
    for (int i = 1; i < id.names.size(); i++) {
      SqlIdentifier field = new SqlIdentifier(id.names.get(i), id.getComponentParserPosition(i));
      access = SqlStdOperatorTable.DOT.createCall(id.getParserPosition(), access, field);
    }
    return access;
  }
}

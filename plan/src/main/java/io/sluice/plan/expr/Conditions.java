package io.sluice.plan.expr;

import io.sluice.plan.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Boolean conditions taken apart and put together: their conjuncts or disjuncts, and the columns they read. */
public final class Conditions {

  private Conditions() {}

  /** The operands of {@code condition}'s nested {@code op} calls ({@code AND} or {@code OR}), or the condition itself. */
  public static List<Expr> split(Expr condition, Operator op) {
    List<Expr> out = new ArrayList<>();
    split(condition, op, out);
    return out;
  }

  /** {@code conditions} joined by {@code op} ({@code AND} or {@code OR}), left to right; null for none. */
  public static Expr join(List<Expr> conditions, Operator op) {
    if (conditions.isEmpty()) {
      return null;
    }
    Expr out = conditions.get(0);
    for (int i = 1; i < conditions.size(); i++) {
      out = Call.of(op, DataType.BOOLEAN, out, conditions.get(i));
    }
    return out;
  }

  /** The input columns {@code expr} reads, by index. */
  public static Set<Integer> columnsRead(Expr expr) {
    Set<Integer> columns = new TreeSet<>();
    collect(expr, columns);
    return columns;
  }

  private static void split(Expr expr, Operator op, List<Expr> out) {
    if (expr instanceof Call call && call.op() == op) {
      for (Expr operand : call.operands()) {
        split(operand, op, out);
      }
    } else {
      out.add(expr);
    }
  }

  private static void collect(Expr expr, Set<Integer> columns) {
    if (expr instanceof InputRef ref) {
      columns.add(ref.index());
    } else if (expr instanceof Call call) {
      for (Expr operand : call.operands()) {
        collect(operand, columns);
      }
    }
  }
}

package io.sluice.planner.query;

import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Operator;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinKind;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.JoinType;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.planner.PlanningException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The key of a query over joins, as ksqlDB chooses it: the synthetic key when the join has one,
 * otherwise, for each join key column, the first select item (in SELECT order) that is a plain
 * reference to a column the join equates on, the left side's before the right's and, through
 * an earlier join on the same key, its columns too. A persistent query writing a table must select
 * it; one writing a stream that does not select it writes its rows without a key (ksqlDB refuses
 * such a query, Flink's queries, which have no keys, expect it).
 *
 * <p>A foreign-key join's key is the left table's; a stream joined with a global table keeps the
 * stream's key (the stream is not re-keyed), when the query selects it.
 *
 * <p>The key's value is the join key's: in a RIGHT join, a row with no left side gets the right
 * side's value even when the key column is named after a left column.
 */
final class JoinKeyItems {

  /** The chosen key items, and the projection with their expressions made the join key's value. */
  record Keyed(List<Integer> keyItems, ProjectNode project) {}

  private JoinKeyItems() {}

  /** The key of {@code project}'s rows, or null when it does not read a join. */
  static Keyed of(ProjectNode project, int selectCount, List<Integer> syntheticItems, boolean required,
      SqlParserPos pos) {
    PlanNode below = project.input();
    while (below instanceof FilterNode filter) {
      below = filter.input();
    }
    if (!(below instanceof JoinNode join)) {
      return null;
    }
    if (!syntheticItems.isEmpty()) {
      return new Keyed(List.of(syntheticItems.get(0)), project);
    }
    if (join.keepsLeftKeys()) {
      // A stream joined with a global table is not re-keyed: its key is kept if selected, not required.
      return leftKey(join, project, selectCount, required && join.kind() == JoinKind.FOREIGN_KEY, pos);
    }
    if (join.type() == JoinType.FULL) {
      throw new PlanningException("A FULL OUTER join on several key columns is not supported yet", pos);
    }
    int leftWidth = join.left().input().schema().size();
    List<Integer> keyItems = new ArrayList<>();
    List<Expr> expressions = new ArrayList<>(project.expressions());
    for (int k = 0; k < join.key().columns().size(); k++) {
      List<Integer> viable = new ArrayList<>();
      viable(join, k, 0, leftWidth, viable);
      int item = firstSelected(project, selectCount, viable, keyItems);
      if (item < 0) {
        if (required && PlanNodes.emitsTable(join)) {
          List<String> names = viable.stream().map(slot -> describe(join, slot)).toList();
          throw new PlanningException("A persistent query over a join must select the join key, which becomes its "
              + "key column: include " + String.join(" or ", names) + " in the SELECT list", pos);
        }
        return new Keyed(List.of(), project);
      }
      keyItems.add(item);
      if (join.type() == JoinType.RIGHT) {
        Expr left = join.left().keys().get(k);
        Expr right = ExprRebase.shift(join.right().keys().get(k), leftWidth);
        expressions.set(item, Call.of(Operator.COALESCE, left.type(), left, right));
      }
    }
    return new Keyed(keyItems, new ProjectNode(project.id(), project.input(), expressions, project.schema()));
  }

  /**
   * The key of a foreign-key join's rows: the left table's primary key columns, each the first
   * select item that references it; a persistent query must select them all.
   */
  private static Keyed leftKey(JoinNode join, ProjectNode project, int selectCount, boolean required,
      SqlParserPos pos) {
    int[] slots = KeyedInput.keySlots(join.left().input());
    List<Integer> keyItems = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int slot : slots) {
      int item = firstSelected(project, selectCount, List.of(slot), keyItems);
      if (item < 0) {
        missing.add(describe(join, slot));
      } else {
        keyItems.add(item);
      }
    }
    if (!missing.isEmpty()) {
      if (required) {
        throw new PlanningException("A persistent query over a foreign-key join must select the left table's "
            + "primary key, which becomes its key: include " + String.join(" and ", missing) + " in the SELECT list",
            pos);
      }
      return new Keyed(List.of(), project);
    }
    return new Keyed(keyItems, project);
  }

  /** The slots of the joined row equal to join key column {@code k}: plain column references of either side. */
  private static void viable(JoinNode join, int k, int offset, int leftWidth, List<Integer> out) {
    Expr left = join.left().keys().get(k);
    if (left instanceof InputRef ref) {
      out.add(offset + ref.index());
      PlanNode input = join.left().input();
      while (input instanceof FilterNode filter) {
        input = filter.input();
      }
      if (input instanceof JoinNode inner && inner.key().columns().size() == join.key().columns().size()
          && inner.left().keys().get(k) instanceof InputRef innerRef && innerRef.index() == ref.index()) {
        List<Integer> nested = new ArrayList<>();
        viable(inner, k, offset, inner.left().input().schema().size(), nested);
        nested.stream().filter(slot -> !out.contains(slot)).forEach(out::add);
      }
    }
    if (join.right().keys().get(k) instanceof InputRef ref) {
      out.add(offset + leftWidth + ref.index());
    }
  }

  private static int firstSelected(ProjectNode project, int selectCount, List<Integer> viable, List<Integer> taken) {
    for (int slot : viable) {
      for (int i = 0; i < selectCount; i++) {
        if (!taken.contains(i) && project.expressions().get(i) instanceof InputRef ref && ref.index() == slot) {
          return i;
        }
      }
    }
    return -1;
  }

  /** A slot of a joined row as {@code SOURCE.COLUMN}. */
  private static String describe(PlanNode node, int slot) {
    if (node instanceof JoinNode join) {
      int leftWidth = join.left().input().schema().size();
      return slot < leftWidth ? describe(join.left().input(), slot) : describe(join.right().input(), slot - leftWidth);
    }
    if (node instanceof FilterNode filter) {
      return describe(filter.input(), slot);
    }
    if (node instanceof SourceNode source) {
      return source.sourceName() + "." + source.schema().column(slot).name();
    }
    return node.schema().column(slot).name();
  }
}

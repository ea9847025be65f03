package io.sluice.planner.query;

import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinKey;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.plan.node.WindowJoinNode;
import io.sluice.plan.node.WindowMaxJoinNode;
import io.sluice.plan.node.WindowTopNode;
import io.sluice.planner.CatalogView;
import java.util.ArrayList;
import java.util.List;

/**
 * How a plan node's records are keyed and partitioned when their key is made of some of its
 * columns: a source's records by its key columns in its key format, a join's by its left key
 * columns in its join key format; filters keep their input's keys. {@code columns} are the key
 * columns, named and typed as the key format writes them; {@code slots} where they are in the row;
 * {@code topic} the source topic the records are read from, if they are.
 */
record KeyedInput(PlanNode node, int[] slots, List<Column> columns, SerdeFormat format, String topic) {

  /** How {@code node}'s records are keyed, or null when their key is not a set of its columns. */
  static KeyedInput of(PlanNode node) {
    if (node instanceof FilterNode filter) {
      KeyedInput input = of(filter.input());
      return input == null ? null : new KeyedInput(node, input.slots(), input.columns(), input.format(), input.topic());
    }
    if (node instanceof SourceNode source) {
      int[] slots = source.schema().indexesOf(ColumnKind.KEY);
      List<Column> columns = new ArrayList<>();
      for (int slot : slots) {
        columns.add(source.schema().column(slot));
      }
      return new KeyedInput(node, slots, columns, source.formats().keyFormat(), source.topic());
    }
    if (node instanceof ProjectNode project && !PlanNodes.emitsTable(project)) {
      return passedOn(project);
    }
    if (node instanceof JoinNode join && join.keepsLeftKeys()) {
      // The joined records keep the left side's keys, and its columns come first.
      KeyedInput left = of(join.left().input());
      return left == null ? null : new KeyedInput(node, left.slots(), left.columns(), left.format(), null);
    }
    if (node instanceof JoinNode join && join.broadcasts()) {
      // Keyed by the join key, but left in the partitions of the side that was not broadcast.
      return null;
    }
    if (node instanceof JoinNode join) {
      return keyedBy(node, join.left().keys(), join.key());
    }
    if (node instanceof WindowJoinNode join) {
      return keyedBy(node, join.left().keys(), join.key());
    }
    if (node instanceof WindowTopNode top) {
      // As the join it stands for: keyed by the join key, its columns those of the left side.
      return keyedBy(node, top.keys(), top.key());
    }
    if (node instanceof WindowMaxJoinNode join) {
      return keyedBy(node, join.keys(), join.key());
    }
    return null;
  }

  /** {@code node}'s records keyed by {@code keys} as {@code key} writes them, or null unless each is a column. */
  private static KeyedInput keyedBy(PlanNode node, List<Expr> keys, JoinKey key) {
    int[] slots = new int[keys.size()];
    for (int i = 0; i < slots.length; i++) {
      if (!(keys.get(i) instanceof InputRef ref)) {
        return null;
      }
      slots[i] = ref.index();
    }
    return new KeyedInput(node, slots, key.columns(), key.format(), null);
  }

  /**
   * A projection of a stream that passes each of its input's key columns on as a column of its own
   * (a view selecting {@code k AS id}, say) keeps the records keyed by them: the record key is untouched.
   */
  private static KeyedInput passedOn(ProjectNode project) {
    KeyedInput input = of(project.input());
    if (input == null) {
      return null;
    }
    int[] slots = new int[input.slots().length];
    for (int k = 0; k < slots.length; k++) {
      slots[k] = -1;
      for (int i = 0; i < project.expressions().size() && slots[k] < 0; i++) {
        if (project.expressions().get(i) instanceof InputRef ref && ref.index() == input.slots()[k]) {
          slots[k] = i;
        }
      }
      if (slots[k] < 0) {
        return null;
      }
    }
    return new KeyedInput(project, slots, input.columns(), input.format(), input.topic());
  }

  /** The partition count of these records, looked up in {@code catalog} for a source topic. */
  int partitions(CatalogView catalog) {
    return partitions(node, catalog);
  }

  /** The partition count of {@code node}'s records: its source topic's, or its repartition topic's. */
  static int partitions(PlanNode node, CatalogView catalog) {
    if (node instanceof SourceNode source) {
      return partitionsOf(source.topic(), catalog);
    }
    if (node instanceof JoinNode join) {
      Integer repartition = join.left().repartition();
      return repartition != null ? repartition : partitions(join.left().input(), catalog);
    }
    if (node instanceof WindowTopNode || node instanceof WindowMaxJoinNode) {
      return 1;
    }
    if (node instanceof WindowJoinNode join) {
      Integer repartition = join.left().repartition();
      return repartition != null ? repartition : partitions(join.left().input(), catalog);
    }
    return node.inputs().isEmpty() ? 1 : partitions(node.inputs().get(0), catalog);
  }

  /** The slots of {@code node}'s key columns when its records are keyed by some of its columns, else an empty array. */
  static int[] keySlots(PlanNode node) {
    KeyedInput keyed = of(node);
    return keyed == null ? new int[0] : keyed.slots();
  }

  /** True if {@code keys} are exactly this input's key columns, in key order. */
  boolean isKeyedBy(List<Expr> keys) {
    if (keys.size() != slots.length || slots.length == 0) {
      return false;
    }
    for (int i = 0; i < slots.length; i++) {
      if (!(keys.get(i) instanceof InputRef ref) || ref.index() != slots[i]) {
        return false;
      }
    }
    return true;
  }

  private static int partitionsOf(String topic, CatalogView catalog) {
    return catalog.partitions(topic).orElse(1);
  }
}

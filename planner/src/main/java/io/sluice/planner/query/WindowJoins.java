package io.sluice.planner.query;

import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.JoinKind;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.JoinSide;
import io.sluice.plan.node.JoinType;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.WindowJoinNode;
import io.sluice.planner.CatalogView;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces an inner join of two windowed aggregations in panes, on their window and one group-by
 * column of each, by one step that keeps both aggregations' groups and joins them as each window
 * closes ({@link WindowJoinNode}; Nexmark's q8). The join it replaces repartitions both
 * aggregations' rows by the whole join key and keeps them for good, on top of each aggregation's
 * own store and repartition.
 *
 * <p>The step's rows meet in the partitions of the group-by column the sides are joined on: a side
 * aggregated in place by that column stays where it is read, and the other side's input rows are
 * repartitioned to match (the partition count of the side in place); with neither in place, both
 * are repartitioned, with the left input's partition count. Joins whose aggregations other steps
 * read too, or that are in place by different partition counts, are left as they are.
 */
final class WindowJoins {

  private WindowJoins() {}

  /** {@code root}'s tree with each such join replaced. */
  static ProjectNode fuse(ProjectNode root, CatalogView catalog) {
    List<PlanNode> all = new ArrayList<>();
    collect(root, all);
    return (ProjectNode) fused(root, all, catalog);
  }

  private static PlanNode fused(PlanNode node, List<PlanNode> all, CatalogView catalog) {
    List<PlanNode> inputs = node.inputs().stream().map(input -> fused(input, all, catalog)).toList();
    if (node instanceof JoinNode join && inputs.equals(node.inputs())) {
      WindowJoinNode windowJoin = windowJoin(join, all, catalog);
      if (windowJoin != null) {
        return windowJoin;
      }
    }
    return inputs.equals(node.inputs()) ? node : NodeCopies.rebuild(node, inputs, node);
  }

  /** The window join standing for {@code join}, or null if it is not such a join. */
  private static WindowJoinNode windowJoin(JoinNode join, List<PlanNode> all, CatalogView catalog) {
    if (join.kind() != JoinKind.STREAM_STREAM || join.type() != JoinType.INNER || join.window() != null
        || join.broadcasts()) {
      return null;
    }
    if (!(join.left().input() instanceof AggregateNode left) || !(join.right().input() instanceof AggregateNode right)
        || !left.keepsPanes() || !right.keepsPanes() || left.equals(right)
        || readers(left, all) != 1 || readers(right, all) != 1) {
      return null;
    }
    int leftPartitions = KeyedInput.partitions(left.input(), catalog);
    int rightPartitions = KeyedInput.partitions(right.input(), catalog);
    try {
      // Which key is the partition key is the node's to say; first try with both sides repartitioned.
      WindowJoinNode probe = new WindowJoinNode(join.id(), side(join.left(), leftPartitions),
          side(join.right(), leftPartitions), join.key(), join.id() + "-store", join.schema());
      int key = probe.partitionKey();
      boolean leftInPlace = inPlaceBy(left, join.left().keys().get(key));
      boolean rightInPlace = inPlaceBy(right, join.right().keys().get(key));
      if (leftInPlace && rightInPlace && leftPartitions != rightPartitions) {
        return null;
      }
      int partitions = leftInPlace ? leftPartitions : rightInPlace ? rightPartitions : leftPartitions;
      return new WindowJoinNode(join.id(), leftInPlace ? side(join.left(), null) : side(join.left(), partitions),
          rightInPlace ? side(join.right(), null) : side(join.right(), partitions), join.key(), join.id() + "-store",
          join.schema());
    } catch (IllegalArgumentException notSuchAJoin) {
      return null;
    }
  }

  private static JoinSide side(JoinSide side, Integer repartition) {
    return new JoinSide(side.input(), side.keys(), repartition);
  }

  /** True if {@code aggregate} keeps its groups in place, partitioned by the group-by column {@code key} reads. */
  private static boolean inPlaceBy(AggregateNode aggregate, Expr key) {
    return aggregate.aggregatesInPlace() && key instanceof InputRef ref && ref.index() == aggregate.inputPartitionKey();
  }

  private static long readers(PlanNode node, List<PlanNode> all) {
    return all.stream().filter(reader -> reader.inputs().stream().anyMatch(input -> input.equals(node))).count();
  }

  /** Every node of the tree, a shared step as often as it is read. */
  private static void collect(PlanNode node, List<PlanNode> all) {
    all.add(node);
    node.inputs().forEach(input -> collect(input, all));
  }
}

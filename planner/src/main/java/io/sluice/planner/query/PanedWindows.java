package io.sluice.planner.query;

import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import java.util.List;

/**
 * Makes each tumbling or hopping EMIT FINAL aggregation that may keep panes ({@link
 * AggregateNode#canKeepPanes}) keep them, except the aggregation whose store is the query's result
 * table: pull queries read that store by window, so it keeps the windows themselves. The others
 * (the sides of a window join, the counts a per-window re-aggregation reads) are never read but
 * through their rows, and a row then updates one pane instead of every window it falls in. An
 * aggregation in panes whose groups each lie in one input partition (one group-by expression is the
 * input's KAFKA record key, as a view's {@code GROUP BY id, name} over a topic keyed by id) also
 * keeps them there, with no repartition ({@link AggregateNode#aggregatesInPlace}).
 */
final class PanedWindows {

  private PanedWindows() {}

  /** {@code root}'s tree with panes kept wherever they may be. */
  static ProjectNode keep(ProjectNode root) {
    return (ProjectNode) paned(root, PlanNodes.aggregateOf(root));
  }

  private static PlanNode paned(PlanNode node, AggregateNode resultTable) {
    List<PlanNode> inputs = node.inputs().stream().map(input -> paned(input, resultTable)).toList();
    if (node instanceof AggregateNode aggregate && node != resultTable && !aggregate.keepsPanes()
        && AggregateNode.canKeepPanes(aggregate.input(), aggregate.aggregates(), aggregate.window(), aggregate.emit(),
            aggregate.windowsOfInput())) {
      return new AggregateNode(aggregate.id(), inputs.get(0), aggregate.groupBy(), aggregate.aggregates(),
          aggregate.window(), aggregate.emit(), aggregate.storeName(), aggregate.schema(), aggregate.windowsOfInput(),
          AggregateConverter.inputPartitionKey(inputs.get(0), aggregate.groupBy()), Boolean.TRUE);
    }
    return inputs.equals(node.inputs()) ? node : NodeCopies.rebuild(node, inputs, node);
  }
}

package io.sluice.planner.query;

import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.JoinSide;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SourceNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a plan compute each of its subtrees once: a subtree that repeats one met earlier (same kinds
 * of node with the same fields, but other ids and store names made from them) is replaced by that
 * earlier subtree, ids included. The tree then holds the same node twice, which the runtime builds
 * as one step whose rows both readers consume (Nexmark's q5 counts each window's bids once, for
 * both sides of its join, instead of in two aggregations with a store each).
 *
 * <p>Sharing keeps results: every expression is deterministic, so equal steps over equal rows emit
 * equal rows. Inputs are shared before the nodes that read them, left before right, so the first
 * occurrence keeps its ids and the repeat's ids go unused.
 */
final class SharedSubtrees {

  private final List<PlanNode> seen = new ArrayList<>();

  private SharedSubtrees() {}

  /** {@code root}'s tree with every repeated subtree replaced by its first occurrence. */
  static ProjectNode share(ProjectNode root) {
    return (ProjectNode) new SharedSubtrees().shared(root);
  }

  private PlanNode shared(PlanNode node) {
    List<PlanNode> inputs = node.inputs().stream().map(this::shared).toList();
    PlanNode rebuilt = rebuild(node, inputs, node);
    for (PlanNode earlier : seen) {
      if (earlier.getClass() == rebuilt.getClass() && rebuild(rebuilt, inputs, earlier).equals(earlier)) {
        return earlier;
      }
    }
    seen.add(rebuilt);
    return rebuilt;
  }

  /** {@code node} reading {@code inputs}, named as {@code namesake} (a node of its kind) is: its id and store name. */
  private static PlanNode rebuild(PlanNode node, List<PlanNode> inputs, PlanNode namesake) {
    String id = namesake.id();
    if (node instanceof SourceNode source) {
      return new SourceNode(id, source.sourceName(), source.topic(), source.table(), source.schema(), source.formats(),
          source.timestamp(), source.global());
    }
    if (node instanceof FilterNode filter) {
      return new FilterNode(id, inputs.get(0), filter.predicate());
    }
    if (node instanceof ProjectNode project) {
      return new ProjectNode(id, inputs.get(0), project.expressions(), project.schema());
    }
    if (node instanceof AggregateNode aggregate) {
      return new AggregateNode(id, inputs.get(0), aggregate.groupBy(), aggregate.aggregates(), aggregate.window(),
          aggregate.emit(), ((AggregateNode) namesake).storeName(), aggregate.schema(), aggregate.windowsOfInput(),
          aggregate.inputPartitionKey());
    }
    if (node instanceof JoinNode join) {
      JoinSide left = join.left();
      JoinSide right = join.right();
      return new JoinNode(id, join.kind(), join.type(), new JoinSide(inputs.get(0), left.keys(), left.repartition()),
          new JoinSide(inputs.get(1), right.keys(), right.repartition()), join.key(), join.window(), join.schema());
    }
    throw new IllegalStateException("a sink is read by no step, so it is never shared: " + node.id());
  }
}

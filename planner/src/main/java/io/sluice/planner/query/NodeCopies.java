package io.sluice.planner.query;

import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.JoinSide;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.plan.node.WindowJoinNode;
import io.sluice.plan.node.WindowMaxJoinNode;
import io.sluice.plan.node.WindowTopNode;
import java.util.List;

/** Copies of plan nodes over other inputs, for the passes that rewrite a finished plan tree. */
final class NodeCopies {

  private NodeCopies() {}

  /** {@code node} reading {@code inputs}, named as {@code namesake} (a node of its kind) is: its id and store name. */
  static PlanNode rebuild(PlanNode node, List<PlanNode> inputs, PlanNode namesake) {
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
          aggregate.inputPartitionKey(), aggregate.panes());
    }
    if (node instanceof JoinNode join) {
      JoinSide left = join.left();
      JoinSide right = join.right();
      return new JoinNode(id, join.kind(), join.type(),
          new JoinSide(inputs.get(0), left.keys(), left.repartition(), left.broadcast()),
          new JoinSide(inputs.get(1), right.keys(), right.repartition(), right.broadcast()),
          join.key(), join.window(), join.schema());
    }
    if (node instanceof WindowTopNode top) {
      return new WindowTopNode(id, inputs.get(0), top.valueIndex(), top.keys(), top.key(), top.window(),
          ((WindowTopNode) namesake).storeName(), top.schema());
    }
    if (node instanceof WindowJoinNode join) {
      return new WindowJoinNode(id, new JoinSide(inputs.get(0), join.left().keys(), join.left().repartition()),
          new JoinSide(inputs.get(1), join.right().keys(), join.right().repartition()), join.key(),
          ((WindowJoinNode) namesake).storeName(), join.schema());
    }
    if (node instanceof WindowMaxJoinNode join) {
      return new WindowMaxJoinNode(id, inputs.get(0), join.valueIndex(), join.timeIndex(), join.endFrom(),
          join.endTo(), join.keys(), join.key(), join.window(), ((WindowMaxJoinNode) namesake).storeName(),
          join.schema());
    }
    throw new IllegalStateException("a sink reads its query's root; it is never copied: " + node.id());
  }
}

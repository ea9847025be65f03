package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.sluice.plan.RowSchema;
import java.util.List;

/**
 * One step of a persistent query's dataflow. Each node has an id unique within its plan; the
 * runtime names every processor, store and internal topic of the step from the query id and this
 * id, so that a query restarted from its stored plan finds its state again.
 *
 * <p>A step that several others read is one node found more than once in the tree (in the JSON, a
 * copy at each place, with the same id): the runtime computes it once and feeds its rows to every
 * reader. Two appearances of an id must be equal nodes. The planner shares a source read twice and
 * any subtree a query repeats, such as the aggregation Nexmark's q5 both joins and re-aggregates.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "node")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SourceNode.class, name = "source"),
  @JsonSubTypes.Type(value = FilterNode.class, name = "filter"),
  @JsonSubTypes.Type(value = ProjectNode.class, name = "project"),
  @JsonSubTypes.Type(value = AggregateNode.class, name = "aggregate"),
  @JsonSubTypes.Type(value = JoinNode.class, name = "join"),
  @JsonSubTypes.Type(value = WindowTopNode.class, name = "windowTop"),
  @JsonSubTypes.Type(value = WindowJoinNode.class, name = "windowJoin"),
  @JsonSubTypes.Type(value = WindowMaxJoinNode.class, name = "windowMaxJoin"),
  @JsonSubTypes.Type(value = SinkNode.class, name = "sink")
})
public sealed interface PlanNode permits SourceNode, FilterNode, ProjectNode, AggregateNode, JoinNode, WindowTopNode,
    WindowJoinNode, WindowMaxJoinNode, SinkNode {

  /** The node's id, unique within its plan (but for the appearances of a shared step) and stable across restarts. */
  String id();

  /** The columns of the rows this node emits. */
  RowSchema schema();

  /** The nodes this one reads from. */
  @JsonIgnore
  List<PlanNode> inputs();
}

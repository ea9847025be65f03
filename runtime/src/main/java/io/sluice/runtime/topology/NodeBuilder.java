package io.sluice.runtime.topology;

import io.sluice.plan.node.PlanNode;

/**
 * Adds the Kafka Streams nodes of one kind of plan node to the topology: one builder per plan node
 * type, dispatched by {@link TopologyAssembler}.
 */
interface NodeBuilder<N extends PlanNode> {

  /** The processor that receives the node's input rows, which its inputs forward to by name. */
  String entryName(N node);

  /** The processor that emits the node's rows, the parent of its consumers' entry processors. */
  String exitName(N node);

  /** Adds the node's sources, processors and sinks; its inputs have been built already. */
  void build(N node, BuildContext context);
}

package io.sluice.runtime.topology;

import io.sluice.plan.node.PlanNode;
import org.apache.kafka.streams.kstream.KStream;

/**
 * Adds the DSL steps of one kind of plan node: one builder per plan node type, dispatched by
 * {@link TopologyAssembler}. Streams carry the record key the DSL needs (a source's raw key bytes,
 * or an aggregation's group key) and, as values, rows ({@code Object[]}), a table's {@link Change}s,
 * or an aggregation's {@link Tombstone}s.
 */
interface NodeBuilder<N extends PlanNode> {

  /** Adds the node's steps after {@code input} (null for a source) and returns the stream of its rows (null for a sink). */
  KStream<Object, Object> build(N node, KStream<Object, Object> input, BuildContext context);
}

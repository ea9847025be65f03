/**
 * The Kafka Streams implementation of plan nodes: the DSL assembly, one builder and small
 * processors per node type, stable node, store and topic names, event-time extraction and the
 * in-topology processing log. Internal to the runtime;
 * {@link io.sluice.runtime.topology.TopologyAssembler} is its only entry point.
 */
package io.sluice.runtime.topology;

/**
 * The Processor API implementation of plan nodes: one builder and one processor per node type,
 * stable node names, event-time extraction and the in-topology processing log. Internal to the
 * runtime; {@link io.sluice.runtime.topology.TopologyAssembler} is its only entry point.
 */
package io.sluice.runtime.topology;

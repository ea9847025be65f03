package io.sluice.runtime;

import org.apache.kafka.streams.Topology;

/** A compiled persistent query: the topology to run and the live counters its processors update. */
public record BuiltQuery(Topology topology, QueryStats stats) {}

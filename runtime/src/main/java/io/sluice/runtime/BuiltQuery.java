package io.sluice.runtime;

import java.util.Map;
import org.apache.kafka.streams.Topology;

/**
 * A compiled persistent query: the topology to run, the live counters its processors update, and
 * the Kafka Streams settings its topology allows (see {@link InputOrder}), which the server's and
 * the statement's own settings override.
 */
public record BuiltQuery(Topology topology, QueryStats stats, Map<String, Object> streamsSettings) {}

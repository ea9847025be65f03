package io.sluice.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run of a case produced, whichever runner ran it.
 *
 * @param topics the records of each topic the queries wrote, in the order they were read
 * @param log the processing-log entries, as JSON
 * @param multiPartitionTopics topics whose records come from several partitions, so have no one order
 * @param partitionsKnown whether records carry the partition they were really written to
 * @param sources the columns and formats of the sources after the statements
 */
record Observed(
    Map<String, List<TopicRecord>> topics,
    List<JsonNode> log,
    Set<String> multiPartitionTopics,
    boolean partitionsKnown,
    SourceLookup sources) {}

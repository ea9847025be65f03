package io.sluice.server.conformance;

import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.node.SinkNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a case's statements leave behind: the catalog (sources by name, in creation order) and the
 * persistent queries, in statement order.
 */
record PlannedScript(Map<String, SourceDescriptor> catalog, List<ScriptQuery> queries) {

  /** The first source (in creation order) over {@code topic}: its columns and formats say how to write records to it. */
  Optional<SourceDescriptor> sourceOver(String topic) {
    return catalog.values().stream().filter(s -> s.topic().equals(topic)).findFirst();
  }

  /** The sink of each topic a query writes, by topic. */
  Map<String, SinkNode> sinksByTopic() {
    Map<String, SinkNode> sinks = new LinkedHashMap<>();
    queries.forEach(q -> sinks.putIfAbsent(q.sink().topic(), q.sink()));
    return sinks;
  }

  /** Every topic a source or a query names. */
  Set<String> topics() {
    Set<String> topics = new LinkedHashSet<>();
    catalog.values().forEach(s -> topics.add(s.topic()));
    queries.forEach(q -> {
      topics.addAll(q.sourceTopics());
      topics.add(q.sink().topic());
    });
    return topics;
  }
}

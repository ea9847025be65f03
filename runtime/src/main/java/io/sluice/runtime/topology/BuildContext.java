package io.sluice.runtime.topology;

import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.node.PlanNode;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.RuntimeOptions;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;

/** What node builders share while one plan is turned into a topology. */
final class BuildContext {

  private final Topology topology;
  private final PhysicalPlan plan;
  private final RuntimeOptions options;
  private final QueryStats stats;
  private final Map<String, List<String>> consumers;
  private final Map<String, String> exits;

  /**
   * @param consumers for each plan node id, the entry processors of the nodes that read its rows
   * @param exits for each plan node id, the processor that emits its rows
   */
  BuildContext(Topology topology, PhysicalPlan plan, RuntimeOptions options, QueryStats stats,
      Map<String, List<String>> consumers, Map<String, String> exits) {
    this.topology = topology;
    this.plan = plan;
    this.options = options;
    this.stats = stats;
    this.consumers = consumers;
    this.exits = exits;
  }

  Topology topology() {
    return topology;
  }

  QueryStats stats() {
    return stats;
  }

  /** Where {@code node}'s rows go. */
  Downstream downstreamOf(PlanNode node) {
    return new Downstream(consumers.getOrDefault(node.id(), List.of()));
  }

  /** The processor that emits {@code node}'s rows; already added, as inputs are built first. */
  String exitOf(PlanNode node) {
    return exits.get(node.id());
  }

  /** A logger for {@code node}'s bad records, to be paired with {@link #addProcessingLogSink}. */
  ProcessingLogger loggerFor(PlanNode node) {
    return new ProcessingLogger(plan.queryId(), node.id(), stats, options.clock());
  }

  /** Adds the sink node through which {@code parent}, a processor of {@code node}, writes its processing log records. */
  void addProcessingLogSink(PlanNode node, String parent) {
    topology.addSink(NodeNames.processingLog(node.id()), options.processingLogTopic(),
        new ByteArraySerializer(), new ByteArraySerializer(), parent);
  }
}

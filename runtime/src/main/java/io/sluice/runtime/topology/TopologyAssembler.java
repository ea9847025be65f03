package io.sluice.runtime.topology;

import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.RuntimeOptions;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.Topology;

/**
 * Turns a plan into a Kafka Streams topology through the Processor API, handing each plan node to
 * the builder for its type, inputs first. Every topology node gets a stable name from its plan
 * node id (see {@link NodeNames}); Kafka Streams never makes one up.
 */
public final class TopologyAssembler {

  private static final Map<Class<? extends PlanNode>, NodeBuilder<?>> BUILDERS = Map.of(
      SourceNode.class, new SourceBuilder(),
      FilterNode.class, new FilterBuilder(),
      ProjectNode.class, new ProjectBuilder(),
      SinkNode.class, new SinkBuilder());

  private TopologyAssembler() {}

  /** The topology of {@code plan}, whose processors count into {@code stats}. */
  public static Topology assemble(PhysicalPlan plan, RuntimeOptions options, QueryStats stats) {
    List<PlanNode> nodes = distinctNodes(plan);
    Map<String, String> exits = new HashMap<>();
    Map<String, List<String>> consumers = new HashMap<>();
    for (PlanNode node : nodes) {
      exits.put(node.id(), builderFor(node).exitName(node));
      for (PlanNode input : node.inputs()) {
        consumers.computeIfAbsent(input.id(), id -> new ArrayList<>()).add(builderFor(node).entryName(node));
      }
    }
    Topology topology = new Topology();
    BuildContext context = new BuildContext(topology, plan, options, stats, consumers, exits);
    for (PlanNode node : nodes) {
      builderFor(node).build(node, context);
    }
    return topology;
  }

  /** The plan's nodes, inputs first, each once; two different nodes may not share an id. */
  private static List<PlanNode> distinctNodes(PhysicalPlan plan) {
    Map<String, PlanNode> byId = new LinkedHashMap<>();
    for (PlanNode node : plan.nodes()) {
      PlanNode seen = byId.putIfAbsent(node.id(), node);
      if (seen != null && !seen.equals(node)) {
        throw new UnsupportedPlanException(
            "plan of query " + plan.queryId() + " has two different nodes with id " + node.id());
      }
    }
    return new ArrayList<>(byId.values());
  }

  @SuppressWarnings("unchecked")
  private static <N extends PlanNode> NodeBuilder<N> builderFor(N node) {
    return (NodeBuilder<N>) BUILDERS.get(node.getClass());
  }
}

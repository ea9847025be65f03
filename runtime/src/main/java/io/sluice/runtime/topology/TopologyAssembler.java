package io.sluice.runtime.topology;

import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.plan.node.WindowJoinNode;
import io.sluice.plan.node.WindowMaxJoinNode;
import io.sluice.plan.node.WindowTopNode;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.ResultListener;
import io.sluice.runtime.RuntimeOptions;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.KStream;

/**
 * Turns a plan into a Kafka Streams topology through the DSL, handing each plan node to the
 * builder for its type, inputs first. Every processor, store, repartition topic and changelog gets
 * a stable name from its plan node id (see {@link NodeNames}); the builder is configured to refuse
 * any name Kafka Streams would make up, so a restarted query always finds its state again.
 */
public final class TopologyAssembler {

  private static final Map<Class<? extends PlanNode>, NodeBuilder<?>> BUILDERS = Map.of(
      SourceNode.class, new SourceBuilder(),
      FilterNode.class, new FilterBuilder(),
      ProjectNode.class, new ProjectBuilder(),
      AggregateNode.class, new AggregateBuilder(),
      JoinNode.class, new JoinBuilder(),
      WindowTopNode.class, new WindowTopBuilder(),
      WindowJoinNode.class, new WindowJoinBuilder(),
      WindowMaxJoinNode.class, new WindowMaxJoinBuilder(),
      SinkNode.class, new SinkBuilder());

  private TopologyAssembler() {}

  /**
   * The topology of {@code plan}, whose processors count into {@code stats}; a sink to the client
   * hands its rows to {@code listener} (null when the plan has no such sink).
   */
  public static Topology assemble(PhysicalPlan plan, RuntimeOptions options, QueryStats stats,
      ResultListener listener) {
    List<PlanNode> nodes = distinctNodes(plan);
    StreamsBuilder builder = newStreamsBuilder();
    BuildContext context = new BuildContext(builder, plan, options, stats, listener);
    for (PlanNode node : nodes) {
      FilterNode filter = fusibleFilter(node, nodes);
      if (filter != null) {
        context.fuseFilter(node, filter);
      }
      ProjectNode projection = projectionForReader(node, nodes);
      if (projection != null) {
        context.runInReader(node, projection);
      }
    }
    for (PlanNode node : nodes) {
      KStream<Object, Object> input = node.inputs().isEmpty() ? null : context.streamOf(node.inputs().get(0));
      if (input == null && node.inputs().size() == 1) {
        // Steps over a global table have no stream: the join that reads the table applies them.
        continue;
      }
      if (node instanceof FilterNode filter && context.isFused(filter)) {
        // The projection or aggregation reading it runs it: the filter's stream is its input's.
        context.setStream(node, input);
      } else if (node instanceof AggregateNode && nodes.stream().anyMatch(
          reader -> reader instanceof WindowJoinNode && reader.inputs().contains(node))) {
        // The window join computes it: the aggregation's stream is its input's.
        context.setStream(node, input);
      } else {
        context.setStream(node, builderFor(node).build(node, input, context));
      }
    }
    Topology topology = builder.build();
    context.finish(topology);
    return topology;
  }

  /**
   * The filter {@code reader} runs itself, one processor hop fewer per row: a stream filter that
   * only {@code reader} reads, where {@code reader} is a stream projection (built by
   * {@link ProjectionStep}) or an aggregation of the rows (see {@link AggregateInputs});
   * null otherwise.
   */
  private static FilterNode fusibleFilter(PlanNode reader, List<PlanNode> nodes) {
    boolean fuses = reader instanceof ProjectNode && plainStream(reader)
        || reader instanceof AggregateNode aggregate && !aggregate.reaggregatesWindows();
    if (!fuses || !(reader.inputs().get(0) instanceof FilterNode filter) || !plainStream(filter)) {
      return null;
    }
    return nodes.stream().filter(other -> other.inputs().contains(filter)).count() == 1 ? filter : null;
  }

  /**
   * The projection {@code node} runs itself, one processor hop fewer per row: a projection only
   * {@code node} reads, where {@code node} is a sink to a topic (which projects before it
   * serializes; the projection is no table's change stream: a stream's rows, or an aggregation's
   * results) or a window max join (whose first step projects only the rows it sends on; the
   * projection is a stream's); null otherwise.
   */
  private static ProjectNode projectionForReader(PlanNode node, List<PlanNode> nodes) {
    ProjectNode project;
    if (node instanceof SinkNode sink && !sink.isToClient() && sink.input() instanceof ProjectNode input) {
      project = input;
      if (PlanNodes.emitsTable(project) && PlanNodes.aggregateOf(project) == null) {
        return null;
      }
    } else if (node instanceof WindowMaxJoinNode join && join.input() instanceof ProjectNode input
        && plainStream(input)) {
      project = input;
    } else {
      return null;
    }
    return nodes.stream().filter(other -> other.inputs().contains(project)).count() == 1 ? project : null;
  }

  private static boolean plainStream(PlanNode node) {
    return PlanNodes.aggregateOf(node) == null && !PlanNodes.emitsTable(node);
  }

  /** A DSL builder that fails the build if any processor, store or internal topic is left unnamed. */
  static StreamsBuilder newStreamsBuilder() {
    Properties props = new Properties();
    // A topology config must come from a complete StreamsConfig; these two are never used to connect.
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sluice-topology");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    return new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
  }

  /**
   * The plan's nodes, inputs first, each once: a step the tree holds at several places (a shared
   * step, read by several nodes) is built once, its stream feeding every reader. Two different nodes
   * may not share an id.
   */
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

package io.sluice.runtime.topology;

import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.ResultListener;
import io.sluice.runtime.RuntimeOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.kstream.KStream;

/** What node builders share while one plan is turned into a topology. */
final class BuildContext {

  private final StreamsBuilder builder;
  private final PhysicalPlan plan;
  private final RuntimeOptions options;
  private final QueryStats stats;
  private final ResultListener listener;
  private final ColumnUses columnUses;
  private final Map<String, Downstream> downstreams = new LinkedHashMap<>();
  private final Map<String, List<String>> processingLogParents = new LinkedHashMap<>();
  private final Map<String, String> storeReaders = new LinkedHashMap<>();
  private final Map<String, KStream<Object, Object>> streams = new HashMap<>();
  private final Map<String, FilterNode> fusedFilters = new HashMap<>();
  private final Map<String, ProjectNode> readerProjections = new HashMap<>();

  BuildContext(StreamsBuilder builder, PhysicalPlan plan, RuntimeOptions options, QueryStats stats,
      ResultListener listener) {
    this.builder = builder;
    this.listener = listener;
    this.plan = plan;
    this.options = options;
    this.stats = stats;
    this.columnUses = ColumnUses.of(plan);
  }

  StreamsBuilder builder() {
    return builder;
  }

  /** The plan being built. */
  PhysicalPlan plan() {
    return plan;
  }

  /** What the plan reads of its sources' columns and uses of its projections' outputs. */
  ColumnUses columnUses() {
    return columnUses;
  }

  QueryStats stats() {
    return stats;
  }

  /** Records the stream of {@code node}'s rows, for the nodes that read it. */
  void setStream(PlanNode node, KStream<Object, Object> stream) {
    streams.put(node.id(), stream);
  }

  /** Records that {@code reader} runs {@code filter}'s condition itself, so the filter has no processor. */
  void fuseFilter(PlanNode reader, FilterNode filter) {
    fusedFilters.put(reader.id(), filter);
  }

  /** The filter whose condition {@code reader} runs itself, or null. */
  FilterNode fusedFilterOf(PlanNode reader) {
    return fusedFilters.get(reader.id());
  }

  /** True if {@code filter}'s reader runs its condition, so it gets no processor of its own. */
  boolean isFused(FilterNode filter) {
    return fusedFilters.values().stream().anyMatch(fused -> fused.id().equals(filter.id()));
  }

  /**
   * Records that {@code reader}'s processor (a sink's, a window max join's first) runs
   * {@code projection} itself, so the projection has no processor.
   */
  void runInReader(PlanNode reader, ProjectNode projection) {
    readerProjections.put(reader.id(), projection);
  }

  /** The projection {@code reader}'s processor runs itself, or null. */
  ProjectNode projectionRunBy(PlanNode reader) {
    return readerProjections.get(reader.id());
  }

  /** True if the step after {@code projection} runs it, so it gets no processor of its own. */
  boolean runsInReader(ProjectNode projection) {
    return readerProjections.values().stream().anyMatch(fused -> fused.id().equals(projection.id()));
  }

  /** The stream of the rows of {@code node}, built already. */
  KStream<Object, Object> streamOf(PlanNode node) {
    return streams.get(node.id());
  }

  /** True if {@code node}'s rows go straight to the query's client (it feeds a sink to the client). */
  boolean feedsClient(PlanNode node) {
    return plan.root().isToClient() && plan.root().input().id().equals(node.id());
  }

  /** Where a sink to the client hands its rows; null if the query has no client. */
  ResultListener listener() {
    return listener;
  }

  /** Where the rows of the processor named {@code processor} go; known once the topology is finished. */
  Downstream downstreamOf(String processor) {
    return downstreams.computeIfAbsent(processor, name -> new Downstream());
  }

  /** The consumers of {@code processor}, the step that passes on {@code node}'s rows and counts them for it. */
  Downstream outputOf(PlanNode node, String processor) {
    return downstreams.computeIfAbsent(processor, name -> new Downstream(stats.nodeRowsOut(node.id())));
  }

  /** A logger through which {@code processor}, a step of {@code node}, reports bad records to the node's processing log sink. */
  ProcessingLogger loggerFor(PlanNode node, String processor) {
    return loggerFor(node, processor, NodeNames.processingLog(node.id()));
  }

  /** A logger through which {@code processor} reports to the processing log sink {@code sinkName}. */
  ProcessingLogger loggerFor(PlanNode node, String processor, String sinkName) {
    processingLogParents.computeIfAbsent(sinkName, name -> new ArrayList<>()).add(processor);
    return new ProcessingLogger(plan.queryId(), node.id(), sinkName, stats, options.clock());
  }

  /**
   * Lets {@code processor} read {@code store}, a store a later DSL step adds (the DSL can only
   * connect a processor to a store added before it, so the connection is made on the finished topology).
   */
  void connectStore(String processor, String store) {
    storeReaders.put(processor, store);
  }

  /**
   * Adds the processing log sinks to the topology the DSL built, each a child of the processors
   * that report to it (so reports commit with the step's output), and tells every step which of
   * its children consume its rows.
   */
  void finish(Topology topology) {
    storeReaders.forEach(topology::connectProcessorAndStateStores);
    Map<String, Integer> subtopologyOf = new HashMap<>();
    for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
      subtopology.nodes().forEach(node -> subtopologyOf.put(node.name(), subtopology.id()));
    }
    for (Map.Entry<String, List<String>> sink : processingLogParents.entrySet()) {
      if (sink.getValue().stream().map(subtopologyOf::get).distinct().count() > 1) {
        // A sink joins its parents' subtopologies: their tasks would then read all their topics
        // together, waiting on each other's partitions, which Kafka Streams pays for on every record.
        throw new IllegalStateException("processing log sink " + sink.getKey()
            + " has parents in different subtopologies: " + sink.getValue());
      }
      topology.addSink(sink.getKey(), options.processingLogTopic(), new NullKeySerializer(),
          new ByteArraySerializer(), sink.getValue().toArray(String[]::new));
    }
    Set<String> logSinks = processingLogParents.keySet();
    Map<String, List<String>> successors = new HashMap<>();
    for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : subtopology.nodes()) {
        List<String> names = new ArrayList<>();
        node.successors().forEach(next -> {
          if (!logSinks.contains(next.name())) {
            names.add(next.name());
          }
        });
        successors.put(node.name(), names);
      }
    }
    downstreams.forEach((processor, downstream) ->
        downstream.resolve(successors.getOrDefault(processor, List.of())));
  }
}

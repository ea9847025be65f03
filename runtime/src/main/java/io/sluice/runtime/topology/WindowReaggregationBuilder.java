package io.sluice.runtime.topology;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.aggregate.Accumulators;
import io.sluice.runtime.aggregate.AggregateInput;
import io.sluice.runtime.aggregate.AggregateInputSerde;
import io.sluice.runtime.aggregate.AggregateRows;
import io.sluice.runtime.aggregate.AggregateState;
import io.sluice.runtime.aggregate.AggregateStateSerde;
import io.sluice.runtime.aggregate.GroupKeySerde;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds an aggregation per window of the windowed aggregation it reads (Nexmark's q5, the highest
 * count of each window): {@code <id>-input} keys each row by its group-by values and the window
 * its record key carries; {@code <id>-repartition} brings each group, all its windows, to one task
 * (partitioned by the group values alone, {@link WindowGroupPartitioner});
 * {@code <id>-final} ({@link WindowReaggregateProcessor}) keeps the groups in the store the plan
 * names and writes each window's once, when it closes; {@code <id>-output} turns them into rows
 * shaped as any windowed aggregation's.
 */
final class WindowReaggregationBuilder {

  private WindowReaggregationBuilder() {}

  static KStream<Object, Object> build(AggregateNode node, KStream<Object, Object> input, BuildContext context) {
    if (!PlanNodes.readsFinalWindows(node.input())) {
      throw new UnsupportedPlanException("a re-aggregation per window must read a windowed aggregation's EMIT FINAL "
          + "rows, through projections and filters only");
    }
    Accumulators functions = Accumulators.of(node.aggregates(), false);
    List<DataType> groupTypes = node.groupBy().stream().map(Expr::type).toList();
    List<DataType> keyTypes = new ArrayList<>(groupTypes);
    keyTypes.add(DataType.BIGINT);
    keyTypes.add(DataType.BIGINT);

    String inputStep = NodeNames.aggregateInput(node.id());
    Downstream inputDownstream = context.downstreamOf(inputStep);
    AggregateInputStep step = AggregateInputStep.of(node, functions, inputStep, context);
    KStream<Object, AggregateInput> inputs = Untyped.stream(input.process(
        () -> new RekeyingAggregateInputProcessor(step, inputDownstream, true), Named.as(inputStep)));
    AggregateInputSerde inputSerde = new AggregateInputSerde(functions.argumentTypes());
    GroupKeySerde groupSerde = new GroupKeySerde(groupTypes);
    inputs = inputs.repartition(Repartitioned.<Object, AggregateInput>as(node.id())
        .withKeySerde(Untyped.serde(new GroupKeySerde(keyTypes))).withValueSerde(inputSerde)
        .withStreamPartitioner(partitioner(groupSerde)));

    context.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(node.storeName()),
        Serdes.Bytes(), Serdes.ByteArray()));
    String closing = NodeNames.finalResults(node.id());
    Downstream closingDownstream = context.downstreamOf(closing);
    AggregateStateSerde stateSerde = new AggregateStateSerde(functions);
    long grace = node.window().grace();
    KStream<Object, AggregateState> closed = inputs.process(
        () -> new WindowReaggregateProcessor(node.storeName(), grace, groupSerde, stateSerde, functions::newState,
            context.stats(), closingDownstream),
        Named.as(closing), node.storeName());

    String output = NodeNames.aggregateOutput(node.id());
    Downstream outputDownstream = context.outputOf(node, output);
    ProcessingLogger outputLogger = context.loggerFor(node, output, NodeNames.outputProcessingLog(node.id()));
    AggregateRows rows = new AggregateRows(node);
    return SourceBuilder.widen(closed.processValues(
        () -> new AggregateOutputProcessor(rows, outputDownstream, outputLogger), Named.as(output)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static StreamPartitioner<Object, AggregateInput> partitioner(GroupKeySerde groupSerde) {
    return (StreamPartitioner) new WindowGroupPartitioner(groupSerde);
  }
}

package io.sluice.runtime.topology;

import io.sluice.plan.Column;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.JoinSide;
import io.sluice.plan.node.WindowJoinNode;
import io.sluice.runtime.aggregate.Accumulators;
import io.sluice.runtime.aggregate.AggregateInput;
import io.sluice.runtime.aggregate.AggregateInputSerde;
import io.sluice.runtime.aggregate.AggregateRows;
import io.sluice.runtime.aggregate.AggregateStateSerde;
import io.sluice.runtime.aggregate.GroupKey;
import io.sluice.runtime.serde.KeyCodec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a window join: each side's {@code <aggregate id>-input} step groups its rows as its
 * aggregation would; a side that is not in place goes through {@code <id>-left|right-repartition},
 * partitioned by the KAFKA bytes of its partition key column as Kafka's default partitioner
 * places them; {@code <id>-left|right-rows} mark each side's rows, {@code <id>-merge} brings them
 * together, and {@code <id>} ({@link WindowJoinProcessor}) keeps both sides' panes in the store the
 * plan names and joins each window's rows as it closes. The aggregations themselves get no
 * processors or stores.
 */
final class WindowJoinBuilder implements NodeBuilder<WindowJoinNode> {

  @Override
  public KStream<Object, Object> build(WindowJoinNode node, KStream<Object, Object> input, BuildContext context) {
    int partitionKey = node.partitionKey();
    AggregateNode leftAggregate = node.leftAggregate();
    AggregateNode rightAggregate = node.rightAggregate();
    Accumulators leftFunctions = Accumulators.of(leftAggregate.aggregates(), false);
    Accumulators rightFunctions = Accumulators.of(rightAggregate.aggregates(), false);
    AggregateBuilder.GroupedRows leftRows = AggregateBuilder.groupedRows(leftAggregate, input, leftFunctions, context);
    AggregateBuilder.GroupedRows rightRows = AggregateBuilder.groupedRows(rightAggregate,
        context.streamOf(rightAggregate), rightFunctions, context);
    KStream<Object, SidedInput> rows = sided(node, "left", node.left(), leftRows, leftFunctions, partitionKey)
        .merge(sided(node, "right", node.right(), rightRows, rightFunctions, partitionKey),
            Named.as(node.id() + "-merge"));
    context.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(node.storeName()),
        Serdes.Bytes(), Serdes.ByteArray()));
    WindowJoinProcessor.Side left = side(node, node.left(), leftRows, leftFunctions, context);
    WindowJoinProcessor.Side right = side(node, node.right(), rightRows, rightFunctions, context);
    JoinRows joined = new JoinRows(leftAggregate.schema().size(), rightAggregate.schema().size());
    Downstream downstream = context.outputOf(node, node.id());
    return Untyped.stream(rows.process(() -> new WindowJoinProcessor(node.storeName(), node.window(),
        leftAggregate.paneSize(), left, right, joined, downstream, context.stats()), Named.as(node.id()),
        node.storeName()));
  }

  /** A side's grouped rows, repartitioned by their partition key unless in place, each marked with its side. */
  private static KStream<Object, SidedInput> sided(WindowJoinNode node, String sideName, JoinSide side,
      AggregateBuilder.GroupedRows grouped, Accumulators functions, int partitionKey) {
    KStream<Object, AggregateInput> rows = grouped.rows();
    if (side.repartition() != null) {
      int column = ((InputRef) side.keys().get(partitionKey)).index();
      AggregateNode aggregate = (AggregateNode) side.input();
      KeyCodec kafkaBytes = KeyCodec.of(List.of(Column.key(aggregate.schema().column(column).name(),
          aggregate.groupBy().get(column).type())), SerdeFormat.KAFKA);
      rows = rows.repartition(Repartitioned.<Object, AggregateInput>as(
              node.repartitionName(sideName))
          .withKeySerde(grouped.keySerde())
          .withValueSerde(new AggregateInputSerde(functions.argumentTypes()))
          .withNumberOfPartitions(side.repartition())
          .withStreamPartitioner((topic, key, value, partitions) -> Optional.of(Set.of(Utils.toPositive(
              Utils.murmur2(kafkaBytes.serialize(new Object[] {((GroupKey) key).values()[column]}))) % partitions))));
    }
    boolean left = sideName.equals("left");
    return rows.mapValues(value -> new SidedInput(left, value), Named.as(node.id() + "-" + sideName + "-rows"));
  }

  private static WindowJoinProcessor.Side side(WindowJoinNode node, JoinSide side, AggregateBuilder.GroupedRows grouped,
      Accumulators functions, BuildContext context) {
    AggregateNode aggregate = (AggregateNode) side.input();
    RowSchema schema = aggregate.schema();
    JoinKeys keys = JoinKeys.of(side.keys(), schema, node.key());
    ProcessingLogger logger = context.loggerFor(aggregate, node.id(), NodeNames.outputProcessingLog(aggregate.id()));
    return new WindowJoinProcessor.Side(grouped.keySerde(), new AggregateStateSerde(functions), functions::newState,
        new AggregateRows(aggregate), keys, context.stats().nodeRowsOut(aggregate.id()), logger);
  }
}

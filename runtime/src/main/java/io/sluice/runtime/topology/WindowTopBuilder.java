package io.sluice.runtime.topology;

import io.sluice.plan.RowSchema;
import io.sluice.plan.node.WindowTopNode;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.serde.BinaryRowSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a window top: {@code <id>-local} ({@link WindowTopCandidates}) keys each row by its join
 * key and passes on the rows that may be their window's greatest, {@code <id>-repartition} brings
 * them to one task, and {@code <id>} ({@link WindowTopProcessor}) keeps each window's greatest rows
 * in the store the plan names and writes them when the window closes.
 */
final class WindowTopBuilder implements NodeBuilder<WindowTopNode> {

  @Override
  public KStream<Object, Object> build(WindowTopNode node, KStream<Object, Object> input, BuildContext context) {
    RowSchema rowSchema = node.input().schema();
    JoinKeys keys = JoinKeys.of(node.keys(), rowSchema, node.key());
    int value = node.valueIndex();
    int start = node.startIndex();
    int end = node.endIndex();
    String local = node.id() + "-local";
    Downstream localDownstream = context.downstreamOf(local);
    ProcessingLogger logger = context.loggerFor(node, local);
    BinaryRowSerde rows = new BinaryRowSerde(rowSchema.types());
    KStream<Object, Object> candidates = input.process(
        () -> new WindowTopCandidates(keys, value, start, end, localDownstream, logger), Named.as(local))
        .repartition(OneTask.repartitioned(node.repartitionName(), rows));
    context.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(node.storeName()),
        Serdes.Bytes(), Serdes.ByteArray()));
    Downstream downstream = context.outputOf(node, node.id());
    QueryStats stats = context.stats();
    long grace = node.window().grace();
    BinaryRowSerde values = new BinaryRowSerde(List.of(rowSchema.column(value).type()));
    return candidates.process(
        () -> new WindowTopProcessor(node.storeName(), grace, value, start, end, rows, values, stats, downstream),
        Named.as(node.id()), node.storeName());
  }
}

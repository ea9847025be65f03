package io.sluice.runtime.topology;

import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.PseudoColumn;
import io.sluice.plan.RowSchema;
import io.sluice.plan.node.SourceNode;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.serde.BinaryRowSerde;
import io.sluice.runtime.serde.RowCodec;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a source: the Kafka source node {@code <id>-read} with the source's timestamp extractor,
 * the {@code <id>-deserialize} processor that makes rows, and its processing log sink. A TABLE
 * source adds {@code <id>-changes}, which turns its rows into {@link Change}s against the rows it
 * keeps per key in the store {@code <id>-store}. A global table is read into a global store
 * instead, and has no stream.
 */
final class SourceBuilder implements NodeBuilder<SourceNode> {

  @Override
  public KStream<Object, Object> build(SourceNode node, KStream<Object, Object> input, BuildContext context) {
    if (node.isGlobal()) {
      addGlobalStore(node, context);
      return null;
    }
    RowSchema schema = node.schema();
    RowCodec codec = RowCodec.reading(schema, node.formats(), context.columnUses().sourceReads(node));
    SourceProcessor.PseudoSlots pseudo = pseudoSlots(schema);
    EventTime eventTime = node.timestamp() == null ? null : EventTime.of(node.timestamp(), schema);
    String deserialize = NodeNames.deserialize(node.id());
    // A table source's rows are its changes, passed on by the step after this one.
    Downstream downstream = node.table() ? context.downstreamOf(deserialize) : context.outputOf(node, deserialize);
    ProcessingLogger logger = context.loggerFor(node, deserialize);
    boolean table = node.table();
    QueryStats stats = context.stats();
    SourceGate gate = SourceGate.of(node, context.plan(), codec);

    KStream<byte[], byte[]> records = context.builder().stream(node.topic(),
        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
            .withTimestampExtractor(extractor(codec, eventTime))
            .withName(NodeNames.read(node.id())));
    KStream<byte[], Object> rows = records.processValues(
        () -> new SourceProcessor(codec, gate == null ? null : gate.forTask(), pseudo, eventTime, table, downstream,
            logger, stats),
        Named.as(deserialize));
    return table ? tableChanges(node, rows, context) : widen(rows);
  }

  /** The changes of a table: the rows of the source, each against the key's previous row, kept in {@code <id>-store}. */
  private static KStream<Object, Object> tableChanges(SourceNode node, KStream<byte[], Object> rows, BuildContext context) {
    String changes = NodeNames.tableChanges(node.id());
    Downstream downstream = context.outputOf(node, changes);
    ProcessingLogger logger = context.loggerFor(node, changes);
    StoreBuilder<KeyValueStore<Bytes, Object[]>> store = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(node.storeName()),
        Serdes.Bytes(),
        new BinaryRowSerde(node.schema().types()));
    return widen(rows.processValues(new TableChangesProcessor.Supplier(store, downstream, logger), Named.as(changes)));
  }

  /**
   * A global table: its topic read whole by every instance into the global store
   * {@code <id>-global-store}, raw (the topic is its changelog, so the store keeps none).
   */
  private static void addGlobalStore(SourceNode node, BuildContext context) {
    String store = node.storeName();
    StoreBuilder<KeyValueStore<Bytes, byte[]>> records = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(store), Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled();
    context.builder().addGlobalStore(records, node.topic(),
        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(NodeNames.read(node.id())),
        () -> new GlobalTableStoreProcessor(store));
  }

  @SuppressWarnings("unchecked")
  static KStream<Object, Object> widen(KStream<?, ?> stream) {
    return (KStream<Object, Object>) stream;
  }

  private static TimestampExtractor extractor(RowCodec codec, EventTime eventTime) {
    if (eventTime == null) {
      return new RecordTimeExtractor();
    }
    Column column = codec.schema().column(eventTime.column());
    if (column.kind() == ColumnKind.PSEUDO) {
      throw new UnsupportedPlanException("timestamp column " + column.name() + " must be a key or value column");
    }
    boolean inKey = column.kind() == ColumnKind.KEY;
    int[] positions = inKey ? codec.keyPositions() : codec.valuePositions();
    int codecColumn = indexOf(positions, eventTime.column());
    return new ColumnTimestampExtractor(
        inKey ? codec.keyCodec() : codec.valueCodec(), codecColumn, inKey, eventTime);
  }

  private static SourceProcessor.PseudoSlots pseudoSlots(RowSchema schema) {
    int[] slots = new int[PseudoColumn.values().length];
    Arrays.fill(slots, -1);
    for (int i = 0; i < schema.size(); i++) {
      Column column = schema.column(i);
      if (column.kind() != ColumnKind.PSEUDO) {
        continue;
      }
      if (!PseudoColumn.isPseudo(column.name())) {
        throw new UnsupportedPlanException("unknown pseudo column " + column.name());
      }
      slots[PseudoColumn.valueOf(column.name()).ordinal()] = i;
    }
    return new SourceProcessor.PseudoSlots(
        slots[PseudoColumn.ROWTIME.ordinal()],
        slots[PseudoColumn.ROWPARTITION.ordinal()],
        slots[PseudoColumn.ROWOFFSET.ordinal()]);
  }

  private static int indexOf(int[] positions, int slot) {
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] == slot) {
        return i;
      }
    }
    throw new IllegalStateException("column #" + slot + " is not in the codec");
  }
}

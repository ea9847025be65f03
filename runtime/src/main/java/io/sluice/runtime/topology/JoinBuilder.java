package io.sluice.runtime.topology;

import io.sluice.plan.Column;
import io.sluice.plan.PseudoColumn;
import io.sluice.plan.RowSchema;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.JoinSide;
import io.sluice.plan.node.JoinType;
import io.sluice.plan.node.JoinWindow;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowPredicate;
import io.sluice.runtime.expr.RowProjector;
import io.sluice.runtime.serde.BinaryRowSerde;
import io.sluice.runtime.serde.KeyCodec;
import io.sluice.runtime.serde.RowCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.kstream.ValueJoiner;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a join. Each side is first keyed by the join key: a side to repartition passes
 * {@code <id>-left|right-key}, which serializes its join key, and the repartition topic
 * {@code <id>-left|right-repartition} (a broadcast side's rows go to all its partitions, and the
 * other side only passes its key step, staying where it is); then a stream side's
 * {@code <id>-left|right-gate} drops its key-less records and, in a stream-stream join, its late
 * ones. Then, by kind: a stream-stream join is Kafka Streams' windowed join
 * named {@code <id>}, with the window stores the plan names (without a window, two processors
 * that keep every record, see {@link UnboundedJoinProcessor}); a stream-table join is
 * {@code <id>-lookup}, reading the table source's store; a table-table join is {@code <id>-left}
 * and {@code <id>-right}, each joining one side's changes with the other side's store, merged in
 * {@code <id>-merge}.
 */
final class JoinBuilder implements NodeBuilder<JoinNode> {

  @Override
  public KStream<Object, Object> build(JoinNode node, KStream<Object, Object> input, BuildContext context) {
    JoinRows rows = new JoinRows(node.left().input().schema().size(), node.right().input().schema().size());
    return switch (node.kind()) {
      case STREAM_STREAM -> streamStream(node, rows, context);
      case STREAM_TABLE -> streamTable(node, rows, context);
      case TABLE_TABLE -> tableTable(node, rows, context);
      case FOREIGN_KEY -> foreignKey(node, rows, context);
    };
  }

  private static KStream<Object, Object> streamStream(JoinNode node, JoinRows rows, BuildContext context) {
    JoinWindow window = node.window();
    if (window == null) {
      return unboundedStreamStream(node, rows, context);
    }
    boolean rightDrives = node.type() == JoinType.RIGHT;
    // A record is late once no record it could join may still arrive: the window reaches `after`
    // past the driving side's records and `before` past the other side's.
    long leftLate = (rightDrives ? window.before() : window.after()) + window.grace();
    long rightLate = (rightDrives ? window.after() : window.before()) + window.grace();
    KStream<Object, Object> left = keyed(node, "left", node.left(), leftLate, context);
    KStream<Object, Object> right = keyed(node, "right", node.right(), rightLate, context);
    JoinWindows windows = JoinWindows.ofTimeDifferenceAndGrace(Duration.ZERO, Duration.ofMillis(window.grace()))
        .before(Duration.ofMillis(window.before())).after(Duration.ofMillis(window.after()));
    Serde<Object> leftRows = rowSerde(node.left().input().schema());
    Serde<Object> rightRows = rowSerde(node.right().input().schema());
    Serde<Object> keys = Untyped.serde(Serdes.ByteArray());
    // Kafka Streams' windowed join calls the joiner once per row it passes on, unmatched rows included.
    LongAdder joined = context.stats().nodeRowsOut(node.id());
    ValueJoiner<Object, Object, Object> joiner = (l, r) -> {
      joined.increment();
      return rows.join((Object[]) l, (Object[]) r);
    };
    if (rightDrives) {
      // As ksqlDB: the right side drives, and the window is measured from its records.
      ValueJoiner<Object, Object, Object> swapped = (r, l) -> joiner.apply(l, r);
      return right.leftJoin(left, swapped, windows,
          StreamJoined.with(keys, rightRows, leftRows).withName(node.id()).withStoreName(node.id()));
    }
    StreamJoined<Object, Object, Object> stores =
        StreamJoined.with(keys, leftRows, rightRows).withName(node.id()).withStoreName(node.id());
    return switch (node.type()) {
      case INNER -> left.join(right, joiner, windows, stores);
      case LEFT -> left.leftJoin(right, joiner, windows, stores);
      default -> left.outerJoin(right, joiner, windows, stores);
    };
  }

  /**
   * An INNER stream-stream join without a window: {@code <id>-left} and {@code <id>-right} each keep
   * their side's records in their store and join them with the other store's, merged in {@code <id>-merge}.
   */
  private static KStream<Object, Object> unboundedStreamStream(JoinNode node, JoinRows rows, BuildContext context) {
    KStream<Object, Object> left = keyed(node, "left", node.left(), JoinSideGate.NEVER_LATE, context);
    KStream<Object, Object> right = keyed(node, "right", node.right(), JoinSideGate.NEVER_LATE, context);
    String leftStore = node.storeNames().get(0);
    String rightStore = node.storeNames().get(1);
    context.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(leftStore),
        Serdes.Bytes(), new BinaryRowSerde(node.left().input().schema().types())));
    context.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(rightStore),
        Serdes.Bytes(), new BinaryRowSerde(node.right().input().schema().types())));
    String leftStep = node.id() + "-left";
    String rightStep = node.id() + "-right";
    Downstream leftDownstream = context.outputOf(node, leftStep);
    Downstream rightDownstream = context.outputOf(node, rightStep);
    KStream<Object, Object> fromLeft = left.processValues(
        () -> new UnboundedJoinProcessor(true, leftStore, rightStore, rows, leftDownstream),
        Named.as(leftStep), leftStore, rightStore);
    KStream<Object, Object> fromRight = right.processValues(
        () -> new UnboundedJoinProcessor(false, rightStore, leftStore, rows, rightDownstream),
        Named.as(rightStep), leftStore, rightStore);
    return fromLeft.merge(fromRight, Named.as(node.id() + "-merge"));
  }

  private static KStream<Object, Object> streamTable(JoinNode node, JoinRows rows, BuildContext context) {
    boolean keepUnmatched = node.type() == JoinType.LEFT;
    String lookup = node.id() + "-lookup";
    Downstream downstream = context.outputOf(node, lookup);
    ProcessingLogger logger = context.loggerFor(node, lookup);
    SourceNode global = globalSource(node.right().input());
    if (global != null) {
      // The table is whole in every task: look each row's key up where the row is, no repartition.
      JoinKeys keys = joinKeys(node, node.left());
      String store = global.storeName();
      RowCodec codec = RowCodec.of(global.schema(), global.formats());
      List<RowPredicate> filters = filters(node.right().input());
      return context.streamOf(node.left().input()).processValues(
          () -> new StreamTableJoinProcessor(new GlobalTableView(store, codec, filters), keys, keepUnmatched, rows,
              downstream, logger),
          Named.as(lookup));
    }
    KStream<Object, Object> left = keyed(node, "left", node.left(), JoinSideGate.NEVER_LATE, context);
    String store = node.storeNames().get(0);
    return left.processValues(
        () -> new StreamTableJoinProcessor(tableView(node.right().input()), null, keepUnmatched, rows, downstream,
            logger),
        Named.as(lookup), store);
  }

  private static KStream<Object, Object> tableTable(JoinNode node, JoinRows rows, BuildContext context) {
    PlanNode leftInput = node.left().input();
    PlanNode rightInput = node.right().input();
    String leftStep = node.id() + "-left";
    String rightStep = node.id() + "-right";
    Downstream leftDownstream = context.outputOf(node, leftStep);
    Downstream rightDownstream = context.outputOf(node, rightStep);
    int leftRowtime = rowtimeSlot(leftInput.schema());
    int rightRowtime = rowtimeSlot(rightInput.schema());
    TableSide left = tableSide(node, "left", leftInput, context);
    TableSide right = tableSide(node, "right", rightInput, context);
    KStream<Object, Object> fromLeft = left.changes().processValues(
        () -> new TableTableJoinProcessor(true, node.type(), right.view().get(), rightRowtime, rows, leftDownstream),
        Named.as(leftStep), right.storeName());
    KStream<Object, Object> fromRight = right.changes().processValues(
        () -> new TableTableJoinProcessor(false, node.type(), left.view().get(), leftRowtime, rows, rightDownstream),
        Named.as(rightStep), left.storeName());
    return fromLeft.merge(fromRight, Named.as(node.id() + "-merge"));
  }

  /**
   * A foreign-key join, as Kafka Streams' foreign-key table join {@code <id>}: each side's changes
   * become a table ({@code <id>-left|right-table}, kept in {@code <id>-left|right-store}), the left
   * rows' foreign keys are serialized as the right table's keys, and the joined table
   * ({@code <id>-store}) becomes changes again in {@code <id>-changes}, which keeps each key's
   * previous row in {@code <id>-changes-store} for the steps after it.
   */
  private static KStream<Object, Object> foreignKey(JoinNode node, JoinRows rows, BuildContext context) {
    List<String> stores = node.storeNames();
    KTable<Object, Object> left = table(node, "left", node.left().input(), stores.get(0), context);
    KTable<Object, Object> right = table(node, "right", node.right().input(), stores.get(1), context);
    JoinKeys foreignKeys = joinKeys(node, node.left());
    // The extractor runs inside Kafka Streams' join, where a failure would stop the query: a row
    // whose foreign key cannot be computed is joined as if it had none.
    Function<Object, Object> extractor = row -> {
      try {
        return foreignKeys.of((Object[]) row);
      } catch (RuntimeException e) {
        return null;
      }
    };
    ValueJoiner<Object, Object, Object> joiner = (l, r) -> rows.join((Object[]) l, (Object[]) r);
    TableJoined<Object, Object> named = TableJoined.as(node.id());
    Materialized<Object, Object, KeyValueStore<Bytes, byte[]>> result =
        Materialized.<Object, Object, KeyValueStore<Bytes, byte[]>>as(stores.get(2))
            .withKeySerde(Untyped.serde(Serdes.ByteArray())).withValueSerde(rowSerde(node.schema()));
    KTable<Object, Object> joined = node.type() == JoinType.LEFT
        ? left.leftJoin(right, extractor, joiner, named, result)
        : left.join(right, extractor, joiner, named, result);
    KStream<Object, Object> changed = joined.toStream(Named.as(node.id() + "-to-stream"));
    String changes = node.id() + "-changes";
    StoreBuilder<KeyValueStore<Bytes, Object[]>> previous = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(stores.get(3)), Serdes.Bytes(),
        new BinaryRowSerde(node.schema().types()));
    ProcessingLogger logger = context.loggerFor(node, changes);
    Downstream downstream = context.outputOf(node, changes);
    @SuppressWarnings("unchecked")
    KStream<byte[], Object> keyed = (KStream<byte[], Object>) (KStream<?, ?>) changed;
    return SourceBuilder.widen(keyed.processValues(new TableChangesProcessor.Supplier(previous, downstream, logger),
        Named.as(changes)));
  }

  /** A table side's changes as a Kafka Streams table of its current rows. */
  private static KTable<Object, Object> table(JoinNode node, String sideName, PlanNode side, String store,
      BuildContext context) {
    String prefix = node.repartitionName(sideName);
    return context.streamOf(side)
        .mapValues(change -> (Object) ((Change) change).newRow(), Named.as(prefix + "-rows"))
        .toTable(Named.as(prefix + "-table"), Materialized.<Object, Object, KeyValueStore<Bytes, byte[]>>as(store)
            .withKeySerde(Untyped.serde(Serdes.ByteArray())).withValueSerde(rowSerde(side.schema())));
  }

  /** A table side's changes, and how to see its current rows (one view per processor). */
  private record TableSide(KStream<Object, Object> changes, String storeName, Supplier<TableView> view) {}

  /**
   * A table side of a join: a table source (through its filters) is seen in the store its source
   * keeps; any other table-valued side (an earlier join) is kept in {@code <id>-left|right-store}
   * by {@code <id>-left|right-materialize} first.
   */
  private static TableSide tableSide(JoinNode node, String sideName, PlanNode side, BuildContext context) {
    KStream<Object, Object> changes = context.streamOf(side);
    if (sourceTable(side) != null) {
      TableView view = tableView(side);
      return new TableSide(changes, view.storeName(), () -> tableView(side));
    }
    String storeName = node.storeNames().get(sideName.equals("left") ? 0 : 1);
    String step = node.repartitionName(sideName) + "-materialize";
    StoreBuilder<KeyValueStore<Bytes, Object[]>> store = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(storeName), Serdes.Bytes(),
        new BinaryRowSerde(side.schema().types()));
    KStream<Object, Object> kept = changes.processValues(
        new ChangeStoreProcessor.Supplier(store, context.downstreamOf(step)), Named.as(step));
    return new TableSide(kept, storeName, () -> new TableView(storeName, List.of()));
  }

  /**
   * A side's stream keyed by the join key (through its repartition topic if it has one), its
   * key-less and late records dropped by {@code <id>-left|right-gate}.
   */
  private static KStream<Object, Object> keyed(JoinNode node, String sideName, JoinSide side, long lateAfter,
      BuildContext context) {
    KStream<Object, Object> stream;
    if (side.repartition() != null) {
      stream = repartitioned(node, sideName, side, context);
    } else if (node.broadcasts()) {
      // The other side comes to every partition: this one is joined where its records are.
      stream = rekeyed(node, sideName, side, context);
    } else {
      stream = context.streamOf(side.input());
    }
    String gate = node.repartitionName(sideName) + "-gate";
    Downstream downstream = context.downstreamOf(gate);
    QueryStats stats = context.stats();
    return stream.processValues(() -> new JoinSideGate(lateAfter, downstream, stats), Named.as(gate));
  }

  /**
   * A side's rows re-keyed by {@code <id>-left|right-key} and sent through the side's repartition
   * topic: each to the partition of its key, or, for a broadcast side, to every partition.
   */
  private static KStream<Object, Object> repartitioned(JoinNode node, String sideName, JoinSide side,
      BuildContext context) {
    Repartitioned<Object, Object> topic = Repartitioned.<Object, Object>as(node.repartitionName(sideName))
        .withKeySerde(Untyped.serde(Serdes.ByteArray()))
        .withValueSerde(rowSerde(side.input().schema()))
        .withNumberOfPartitions(side.repartition());
    if (side.broadcasts()) {
      topic = topic.withStreamPartitioner(JoinBuilder::everyPartition);
    }
    return rekeyed(node, sideName, side, context).repartition(topic);
  }

  /** A partitioner that sends each record to every partition (Kafka Streams' multicast). */
  private static Optional<Set<Integer>> everyPartition(String topic, Object key, Object value, int partitions) {
    return Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()));
  }

  /** A side's rows re-keyed by {@code <id>-left|right-key}: their join key, serialized. */
  private static KStream<Object, Object> rekeyed(JoinNode node, String sideName, JoinSide side, BuildContext context) {
    String step = node.repartitionName(sideName) + "-key";
    Downstream downstream = context.downstreamOf(step);
    JoinKeys keys = joinKeys(node, side);
    // Each side's own log sink: one sink shared by both sides would join their subtopologies into one.
    ProcessingLogger logger = context.loggerFor(node, step, NodeNames.processingLog(step));
    return context.streamOf(side.input()).process(() -> new JoinKeyProcessor(keys, downstream, logger),
        Named.as(step));
  }

  /** The view of a table source side: its source's store, through the filters between the source and the join. */
  private static TableView tableView(PlanNode side) {
    SourceNode source = sourceTable(side);
    if (source == null) {
      throw new UnsupportedPlanException("the table side of a stream-table join must be a table read from its "
          + "topic, optionally filtered");
    }
    return new TableView(source.storeName(), filters(side));
  }

  /** The predicates of the filters between a side's source and the join, the source's first. */
  private static List<RowPredicate> filters(PlanNode side) {
    List<RowPredicate> filters = new ArrayList<>();
    PlanNode node = side;
    while (node instanceof FilterNode filter) {
      filters.add(0, ExpressionCompiler.compilePredicate(filter.predicate(), filter.input().schema()));
      node = filter.input();
    }
    return filters;
  }

  /** The global table a side reads through filters only, or null. */
  private static SourceNode globalSource(PlanNode side) {
    SourceNode source = sourceTable(side);
    return source != null && source.isGlobal() ? source : null;
  }

  /** How a side's join key is computed from its rows and serialized. */
  private static JoinKeys joinKeys(JoinNode node, JoinSide side) {
    RowProjector expressions = ExpressionCompiler.compileProjector(side.keys(), side.input().schema(),
        new RowSchema(node.key().columns()));
    return new JoinKeys(expressions, KeyCodec.of(node.key().columns(), node.key().format()));
  }

  /** The table source a side reads through filters only, or null. */
  private static SourceNode sourceTable(PlanNode side) {
    PlanNode node = side;
    while (node instanceof FilterNode filter) {
      node = filter.input();
    }
    return node instanceof SourceNode source && source.table() ? source : null;
  }

  private static int rowtimeSlot(RowSchema schema) {
    for (int i = 0; i < schema.size(); i++) {
      Column column = schema.column(i);
      if (column.name().equals(PseudoColumn.ROWTIME.name()) && column.type().equals(PseudoColumn.ROWTIME.type())) {
        return i;
      }
    }
    return -1;
  }

  private static Serde<Object> rowSerde(RowSchema schema) {
    return Untyped.serde(new BinaryRowSerde(schema.types()));
  }
}

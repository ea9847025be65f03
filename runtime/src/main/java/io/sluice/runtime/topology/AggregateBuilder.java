package io.sluice.runtime.topology;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.EmitMode;
import io.sluice.plan.RowSchema;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.SourceNode;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.aggregate.Accumulators;
import io.sluice.runtime.aggregate.AggregateInput;
import io.sluice.runtime.aggregate.AggregateInputSerde;
import io.sluice.runtime.aggregate.AggregateRows;
import io.sluice.runtime.aggregate.AggregateState;
import io.sluice.runtime.aggregate.AggregateStateSerde;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowProjector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Aggregator;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Initializer;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Merger;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.SessionWindowedKStream;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindowedKStream;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Builds an aggregation with the DSL: {@code <id>-input} computes each row's group-by and argument
 * values; grouping repartitions through {@code <id>-repartition} unless the groups are exactly the
 * source's key; a windowed aggregation's {@code <id>-late} gate drops late records by the task's
 * stream time (one in panes drops them itself); the DSL aggregate {@code <id>} (windowed per the plan, EMIT FINAL by suppression)
 * keeps each group's state in the store the plan names, or, for an aggregation in panes, {@code <id>}
 * ({@link PanedWindowAggregateProcessor}) keeps its panes there; {@code <id>-to-stream} and
 * {@code <id>-output} turn changed groups into result rows. An aggregation in place (the plan's
 * {@code inputPartitionKey}) is no DSL aggregate: {@code <id>} ({@link InPlaceAggregateProcessor},
 * which also computes each row's group and makes the result rows, so there is no {@code <id>-input}
 * or {@code <id>-output}; or for one in panes
 * {@link PanedWindowAggregateProcessor}) keeps the groups in the store where the rows are read, and
 * nothing is repartitioned.
 */
final class AggregateBuilder implements NodeBuilder<AggregateNode> {

  @Override
  public KStream<Object, Object> build(AggregateNode node, KStream<Object, Object> input, BuildContext context) {
    if (node.reaggregatesWindows()) {
      return WindowReaggregationBuilder.build(node, input, context);
    }
    boolean overTable = PlanNodes.emitsTable(node.input());
    WindowSpec window = node.window();
    if (overTable && window != null) {
      throw new UnsupportedPlanException("a TABLE cannot be aggregated in windows; windowed GROUP BY needs a STREAM");
    }
    if (node.groupBy().isEmpty() && window == null) {
      throw new UnsupportedPlanException("an aggregation needs at least one GROUP BY expression, or a window");
    }
    Accumulators functions = Accumulators.of(node.aggregates(), overTable);
    if (node.aggregatesInPlace() && window == null) {
      return inPlace(node, input, functions, context);
    }
    GroupedRows rows = groupedRows(node, input, functions, context);
    KStream<Object, AggregateInput> inputs = rows.rows();
    Serde<Object> keySerde = rows.keySerde();
    SourceNode keyedSource = node.keyedSource();
    AggregateInputSerde inputSerde = new AggregateInputSerde(functions.argumentTypes());
    if (window != null) {
      if (keyedSource == null && !node.aggregatesInPlace()) {
        // Repartition first, so that lateness is judged in the task that aggregates.
        inputs = inputs.repartition(Repartitioned.<Object, AggregateInput>as(node.id())
            .withKeySerde(keySerde).withValueSerde(inputSerde));
      }
      if (!node.keepsPanes()) {
        // An aggregation in panes drops its late rows itself, without a processor (a hop) in front.
        String gate = NodeNames.lateRecordGate(node.id());
        String sessionStore = window.type() == WindowType.SESSION ? node.storeName() : null;
        if (sessionStore != null) {
          context.connectStore(gate, sessionStore);
        }
        QueryStats stats = context.stats();
        KStream<Object, Object> gated = SourceBuilder.widen(inputs).processValues(
            () -> new LateRecordGate(window, sessionStore, stats), Named.as(gate));
        inputs = Untyped.stream(gated);
      }
    }
    if (node.keepsPanes()) {
      return output(node, inPanes(node, inputs, functions, keySerde, context), context);
    }
    KGroupedStream<Object, AggregateInput> grouped = inputs.groupByKey(Grouped.with(node.id(), keySerde, inputSerde));
    KTable<Object, AggregateState> groups = aggregate(node, grouped, functions, keySerde, overTable);
    if (node.emit() == EmitMode.FINAL) {
      // Suppression closes windows by stream time alone, so a window's final row is written as soon
      // as a record closes it (Kafka's on-window-close strategy also waits on the wall clock, and
      // skipped hopping windows when stream time jumped several advances at once).
      groups = untilWindowsClose(groups, NodeNames.finalResults(node.id()));
    }

    return output(node, groups.toStream(Named.as(NodeNames.toStream(node.id()))), context);
  }

  /** An aggregation's input rows, keyed by their group, and the serde of those keys. */
  record GroupedRows(KStream<Object, AggregateInput> rows, Serde<Object> keySerde) {}

  /**
   * {@code <id>-input}: each row of {@code node}'s input keyed by its group, with its aggregate
   * arguments (and the condition of the stream filter before it, when the aggregation runs it).
   */
  static GroupedRows groupedRows(AggregateNode node, KStream<Object, Object> input, Accumulators functions,
      BuildContext context) {
    String inputStep = NodeNames.aggregateInput(node.id());
    AggregateInputStep step = AggregateInputStep.of(node, functions, inputStep, context);
    Downstream inputDownstream = context.downstreamOf(inputStep);
    if (node.keyedSource() != null) {
      Supplier<AggregateInputs> computed = step.inputs();
      return new GroupedRows(Untyped.stream(input.processValues(() -> new AggregateInputProcessor(computed.get(),
          inputDownstream, step.logger(), step.conditionLogger()), Named.as(inputStep))),
          Untyped.serde(Serdes.ByteArray()));
    }
    return new GroupedRows(Untyped.stream(input.process(
        () -> new RekeyingAggregateInputProcessor(step, inputDownstream, false), Named.as(inputStep))),
        step.groupKeys());
  }

  /** The groups' result rows, made by {@link InPlaceAggregateProcessor}, which keeps them in the store the plan names. */
  private static KStream<Object, Object> inPlace(AggregateNode node, KStream<Object, Object> input,
      Accumulators functions, BuildContext context) {
    AggregateInputStep step = AggregateInputStep.of(node, functions, node.id(), context);
    context.builder().addStateStore(Stores.timestampedKeyValueStoreBuilder(
        Stores.persistentTimestampedKeyValueStore(node.storeName()), step.groupKeys(), new AggregateStateSerde(functions)));
    Downstream downstream = context.outputOf(node, node.id());
    ProcessingLogger logger = context.loggerFor(node, node.id(), NodeNames.outputProcessingLog(node.id()));
    AggregateRows rows = new AggregateRows(node);
    return SourceBuilder.widen(input.process(
        () -> new InPlaceAggregateProcessor(node.storeName(), step, functions::newState, rows, downstream, logger),
        Named.as(node.id()), node.storeName()));
  }

  /** The windows' final rows, merged from the panes {@link PanedWindowAggregateProcessor} keeps in the plan's store. */
  private static KStream<Object, AggregateState> inPanes(AggregateNode node, KStream<Object, AggregateInput> inputs,
      Accumulators functions, Serde<Object> keySerde, BuildContext context) {
    context.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(node.storeName()),
        Serdes.Bytes(), Serdes.ByteArray()));
    Downstream downstream = context.downstreamOf(node.id());
    AggregateStateSerde stateSerde = new AggregateStateSerde(functions);
    QueryStats stats = context.stats();
    return inputs.process(() -> new PanedWindowAggregateProcessor(node.storeName(), node.window(), node.paneSize(),
        keySerde, stateSerde, functions::newState, downstream, stats), Named.as(node.id()), node.storeName());
  }

  /** {@code <id>-output}: the changed groups as result rows. */
  private static KStream<Object, Object> output(AggregateNode node, KStream<Object, AggregateState> changed,
      BuildContext context) {
    String output = NodeNames.aggregateOutput(node.id());
    Downstream outputDownstream = context.outputOf(node, output);
    ProcessingLogger outputLogger = context.loggerFor(node, output, NodeNames.outputProcessingLog(node.id()));
    AggregateRows rows = new AggregateRows(node);
    return SourceBuilder.widen(changed.processValues(
        () -> new AggregateOutputProcessor(rows, outputDownstream, outputLogger),
        Named.as(output)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static KTable<Object, AggregateState> aggregate(AggregateNode node, KGroupedStream<Object, AggregateInput> grouped,
      Accumulators functions, Serde<Object> keySerde, boolean overTable) {
    Initializer<AggregateState> initializer = functions::newState;
    // Over a table, a group whose last row left is deleted: returning null removes it from the store.
    Aggregator<Object, AggregateInput, AggregateState> aggregator = overTable
        ? (key, input, state) -> state.apply(input).rows() > 0 ? state : null
        : (key, input, state) -> state.apply(input);
    Serde<AggregateState> stateSerde = new AggregateStateSerde(functions);
    Named named = Named.as(node.id());
    WindowSpec window = node.window();
    if (window == null) {
      return grouped.aggregate(initializer, aggregator, named,
          Materialized.<Object, AggregateState, KeyValueStore<Bytes, byte[]>>as(node.storeName())
              .withKeySerde(keySerde).withValueSerde(stateSerde));
    }
    Duration retention = Duration.ofMillis(window.retention());
    Duration size = Duration.ofMillis(window.size());
    Duration grace = Duration.ofMillis(window.grace());
    if (window.type() == WindowType.SESSION) {
      SessionWindowedKStream<Object, AggregateInput> sessions =
          grouped.windowedBy(SessionWindows.ofInactivityGapAndGrace(size, grace));
      Merger<Object, AggregateState> merger = (key, earlier, later) -> earlier.merge(later);
      return (KTable) sessions.aggregate(initializer, aggregator, merger, named,
          Materialized.<Object, AggregateState, SessionStore<Bytes, byte[]>>as(node.storeName())
              .withKeySerde(keySerde).withValueSerde(stateSerde).withRetention(retention));
    }
    TimeWindows windows = TimeWindows.ofSizeAndGrace(size, grace);
    if (window.type() == WindowType.HOPPING) {
      windows = windows.advanceBy(Duration.ofMillis(window.advance()));
    }
    TimeWindowedKStream<Object, AggregateInput> windowed = grouped.windowedBy(windows);
    return (KTable) windowed.aggregate(initializer, aggregator, named,
        Materialized.<Object, AggregateState, WindowStore<Bytes, byte[]>>as(node.storeName())
            .withKeySerde(keySerde).withValueSerde(stateSerde).withRetention(retention));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static KTable<Object, AggregateState> untilWindowsClose(KTable<Object, AggregateState> windowed, String name) {
    Suppressed suppressed = Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName(name);
    return ((KTable) windowed).suppress(suppressed);
  }

  /** The compiled arguments of the aggregate calls that take any, or null when none does. */
  static RowProjector argumentsProjector(AggregateNode node, Accumulators functions, RowSchema inputSchema) {
    List<Expr> arguments = functions.arguments();
    if (arguments.isEmpty()) {
      return null;
    }
    List<Column> columns = new ArrayList<>();
    int groups = node.groupBy().size();
    for (int i = 0, a = 0; i < node.aggregates().size(); i++) {
      if (!node.aggregates().get(i).args().isEmpty()) {
        DataType type = arguments.get(a++).type();
        columns.add(Column.value(node.schema().column(groups + i).name(), type));
      }
    }
    return ExpressionCompiler.compileProjector(arguments, inputSchema, new RowSchema(columns));
  }
}

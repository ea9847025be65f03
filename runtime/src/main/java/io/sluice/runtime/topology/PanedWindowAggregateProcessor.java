package io.sluice.runtime.topology;

import io.sluice.plan.WindowSpec;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.aggregate.AggregateInput;
import io.sluice.runtime.aggregate.AggregateState;
import io.sluice.runtime.aggregate.AggregateStateSerde;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Aggregates a tumbling or hopping EMIT FINAL window in panes: each row updates its group's state
 * in the one pane its time falls in, and when the task's stream time passes a window's end plus
 * grace, the window's panes are merged, in time order, into the row it writes for each group.
 * The windows themselves would each take the row (five times for a 10 s window every 2 s) and then
 * wait in a suppression buffer.
 *
 * <p>A row whose newest window has closed is dropped and counted as late, as {@link LateRecordGate}
 * judges it for other windowed aggregations (here without a processor of its own in front).
 * Windows close before the row that closed them is added, so a row never reaches a window already
 * closed. Within a window end, groups
 * are written in the order of their key bytes followed by the window start, as a suppression
 * buffer writes them.
 *
 * <p>The panes live in the store the plan names, as {@link WindowPanes} lays them out.
 */
final class PanedWindowAggregateProcessor implements Processor<Object, AggregateInput, Object, AggregateState> {

  private final String storeName;
  private final long pane;
  private final long grace;
  private final Serde<Object> keySerde;
  private final AggregateStateSerde stateSerde;
  private final Supplier<AggregateState> newState;
  private final Downstream downstream;
  private final WindowSpec window;
  private final QueryStats stats;
  private ProcessorContext<Object, AggregateState> context;
  private WindowPanes panes;

  PanedWindowAggregateProcessor(String storeName, WindowSpec window, long pane, Serde<Object> keySerde,
      AggregateStateSerde stateSerde, Supplier<AggregateState> newState, Downstream downstream, QueryStats stats) {
    this.storeName = storeName;
    this.window = window;
    this.stats = stats;
    this.pane = pane;
    this.grace = window.grace();
    this.keySerde = keySerde;
    this.stateSerde = stateSerde;
    this.newState = newState;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessorContext<Object, AggregateState> context) {
    this.context = context;
    this.panes = new WindowPanes(context.getStateStore(storeName), window, pane);
  }

  @Override
  public void process(Record<Object, AggregateInput> record) {
    long time = record.timestamp();
    long streamTime = Math.max(context.currentStreamTimeMs(), time);
    if (LateRecordGate.lateForTimeWindows(window, time, streamTime)) {
      stats.lateRecord();
      return;
    }
    close(streamTime - grace);
    panes.add(time, keySerde.serializer().serialize(storeName, record.key()), record.value(), stateSerde, newState);
  }

  /** Writes every window ending at or before {@code limit} not written yet. */
  private void close(long limit) {
    for (Map.Entry<Long, List<WindowPanes.ClosedGroup>> closed : panes.close(limit, group -> stateSerde).entrySet()) {
      long end = closed.getKey();
      for (WindowPanes.ClosedGroup row : closed.getValue()) {
        Object key = keySerde.deserializer().deserialize(storeName, row.group);
        downstream.forward(context, new Record<>(new Windowed<>(key, new ClosedWindow(row.start, end)), row.state,
            row.time));
      }
    }
  }
}

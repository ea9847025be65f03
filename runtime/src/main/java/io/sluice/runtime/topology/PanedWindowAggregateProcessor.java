package io.sluice.runtime.topology;

import io.sluice.plan.WindowSpec;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.aggregate.AggregateInput;
import io.sluice.runtime.aggregate.AggregateState;
import io.sluice.runtime.aggregate.AggregateStateSerde;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

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
 * <p>Panes live in a RocksDB store keyed by pane start (sign-flipped, so it sorts as a number) and
 * the group's key bytes; a value is the greatest row time of the pane's group, which the window's
 * row carries, then the group's state. A pane is deleted once its newest window has closed. The
 * greatest window end written is kept under a key that sorts last, so a restart goes on from it.
 */
final class PanedWindowAggregateProcessor implements Processor<Object, AggregateInput, Object, AggregateState> {

  private static final Bytes CLOSED_THROUGH = Bytes.wrap(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1});

  private final String storeName;
  private final long size;
  private final long advance;
  private final long pane;
  private final long grace;
  private final Serde<Object> keySerde;
  private final AggregateStateSerde stateSerde;
  private final Supplier<AggregateState> newState;
  private final Downstream downstream;
  private final WindowSpec window;
  private final QueryStats stats;
  private ProcessorContext<Object, AggregateState> context;
  private KeyValueStore<Bytes, byte[]> panes;
  /** The greatest window end written; MIN_VALUE before the first. */
  private long closedThrough = Long.MIN_VALUE;

  PanedWindowAggregateProcessor(String storeName, WindowSpec window, long pane, Serde<Object> keySerde,
      AggregateStateSerde stateSerde, Supplier<AggregateState> newState, Downstream downstream, QueryStats stats) {
    this.storeName = storeName;
    this.window = window;
    this.stats = stats;
    this.size = window.size();
    this.advance = window.advance() == null ? window.size() : window.advance();
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
    this.panes = context.getStateStore(storeName);
    byte[] kept = panes.get(CLOSED_THROUGH);
    closedThrough = kept == null ? Long.MIN_VALUE : ByteBuffer.wrap(kept).getLong();
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
    Bytes key = paneKey(time - Math.floorMod(time, pane), keySerde.serializer().serialize(storeName, record.key()));
    byte[] stored = panes.get(key);
    AggregateState state = stored == null ? newState.get() : state(stored);
    long latest = stored == null ? time : Math.max(time, timeOf(stored));
    byte[] bytes = stateSerde.serialize(storeName, state.apply(record.value()));
    panes.put(key, ByteBuffer.allocate(Long.BYTES + bytes.length).putLong(latest).put(bytes).array());
  }

  /** Writes every window ending at or before {@code limit} not written yet, and deletes the panes no open window needs. */
  private void close(long limit) {
    long lastEnd = Math.floorDiv(limit - size, advance) * advance + size;
    if (lastEnd <= closedThrough) {
      return;
    }
    long firstStart = closedThrough == Long.MIN_VALUE ? Long.MIN_VALUE : closedThrough + advance - size;
    // Window end, then the group's key bytes and the window start: the row of each closing window.
    TreeMap<Long, TreeMap<Bytes, WindowRow>> closing = new TreeMap<>();
    List<Bytes> done = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> read = panes.range(paneKey(firstStart, new byte[0]), paneKey(lastEnd, new byte[0]))) {
      while (read.hasNext()) {
        KeyValue<Bytes, byte[]> entry = read.next();
        long paneStart = ByteBuffer.wrap(entry.key.get()).getLong() ^ Long.MIN_VALUE;
        byte[] group = Arrays.copyOfRange(entry.key.get(), Long.BYTES, entry.key.get().length);
        long newestStart = paneStart - Math.floorMod(paneStart, advance);
        // No window starts before 0, as Kafka Streams has it.
        for (long start = Math.max(0, Math.floorDiv(paneStart - size, advance) * advance + advance);
            start <= newestStart; start += advance) {
          long end = start + size;
          if (end > closedThrough && end <= lastEnd) {
            Bytes order = Bytes.wrap(ByteBuffer.allocate(group.length + Long.BYTES).put(group).putLong(start).array());
            WindowRow row = closing.computeIfAbsent(end, e -> new TreeMap<>()).get(order);
            if (row == null) {
              closing.get(end).put(order, new WindowRow(group, state(entry.value), timeOf(entry.value)));
            } else {
              row.add(state(entry.value), timeOf(entry.value));
            }
          }
        }
        if (newestStart + size <= lastEnd) {
          done.add(entry.key);
        }
      }
    }
    for (Bytes key : done) {
      panes.delete(key);
    }
    closedThrough = lastEnd;
    panes.put(CLOSED_THROUGH, ByteBuffer.allocate(Long.BYTES).putLong(lastEnd).array());
    for (Map.Entry<Long, TreeMap<Bytes, WindowRow>> window : closing.entrySet()) {
      long end = window.getKey();
      for (WindowRow row : window.getValue().values()) {
        Object key = keySerde.deserializer().deserialize(storeName, row.group);
        downstream.forward(context, new Record<>(new Windowed<>(key, new ClosedWindow(end - size, end)), row.state,
            row.time));
      }
    }
  }

  private AggregateState state(byte[] stored) {
    return stateSerde.deserialize(storeName, Arrays.copyOfRange(stored, Long.BYTES, stored.length));
  }

  private static long timeOf(byte[] stored) {
    return ByteBuffer.wrap(stored).getLong();
  }

  private static Bytes paneKey(long paneStart, byte[] group) {
    return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + group.length).putLong(paneStart ^ Long.MIN_VALUE).put(group)
        .array());
  }

  /** One group's row of a closing window, its panes merged so far. */
  private static final class WindowRow {

    private final byte[] group;
    private final AggregateState state;
    private long time;

    WindowRow(byte[] group, AggregateState state, long time) {
      this.group = group;
      this.state = state;
      this.time = time;
    }

    void add(AggregateState later, long laterTime) {
      state.merge(later);
      time = Math.max(time, laterTime);
    }
  }
}

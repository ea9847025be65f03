package io.sluice.runtime.topology;

import io.sluice.plan.WindowSpec;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.aggregate.AggregateRows;
import io.sluice.runtime.aggregate.AggregateState;
import io.sluice.runtime.aggregate.AggregateStateSerde;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The window join's step: the input rows of both aggregations (each a {@link SidedInput}) update
 * their group's pane in one {@link WindowPanes} store, the group's bytes led by its side (0 left,
 * 1 right). Each side has its own stream time, the greatest time of its rows, by which its rows are
 * judged late, as each aggregation judged its own; when both sides' stream times pass a window's
 * end plus grace, the window's groups of both sides are made into their aggregations' rows and
 * joined on the join key, in memory. A row whose newest window has closed is dropped and counted as
 * late. The stream times are written to the store whenever windows close, under a key that sorts
 * after every pane, and a restart goes on from them (from the greatest window end closed plus
 * grace, the least they can be, in a store written before they were kept).
 *
 * <p>Rows come out by window end; within one, in the order of the left rows' group bytes, each
 * followed by its matches in the order of theirs. A joined row has the later of its two rows'
 * times, and the serialized join key as its record key.
 */
final class WindowJoinProcessor implements Processor<Object, SidedInput, Object, Object> {

  /** The key of both sides' stream times: after {@link WindowPanes}' keys, panes and the end closed alike. */
  private static final Bytes STREAM_TIMES = Bytes.wrap(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, 0});

  /** What the step needs of one side's aggregation. */
  record Side(Serde<Object> keySerde, AggregateStateSerde stateSerde, Supplier<AggregateState> newState,
      AggregateRows rows, JoinKeys keys, LongAdder rowsOut, ProcessingLogger logger) {}

  private final String storeName;
  private final WindowSpec window;
  private final long pane;
  private final Side left;
  private final Side right;
  private final JoinRows joined;
  private final Downstream downstream;
  private final QueryStats stats;
  private ProcessorContext<Object, Object> context;
  private WindowPanes panes;
  private final long[] streamTimes = new long[2];
  private KeyValueStore<Bytes, byte[]> store;

  WindowJoinProcessor(String storeName, WindowSpec window, long pane, Side left, Side right, JoinRows joined,
      Downstream downstream, QueryStats stats) {
    this.storeName = storeName;
    this.window = window;
    this.pane = pane;
    this.left = left;
    this.right = right;
    this.joined = joined;
    this.downstream = downstream;
    this.stats = stats;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    this.panes = new WindowPanes(store, window, pane);
    byte[] kept = store.get(STREAM_TIMES);
    if (kept != null) {
      streamTimes[0] = ByteBuffer.wrap(kept).getLong(0);
      streamTimes[1] = ByteBuffer.wrap(kept).getLong(Long.BYTES);
    } else {
      long closed = panes.closedThrough();
      Arrays.fill(streamTimes, closed == Long.MIN_VALUE ? Long.MIN_VALUE : closed + window.grace());
    }
  }

  @Override
  public void process(Record<Object, SidedInput> record) {
    long time = record.timestamp();
    SidedInput input = record.value();
    int sideIndex = input.left() ? 0 : 1;
    long streamTime = Math.max(streamTimes[sideIndex], time);
    if (LateRecordGate.lateForTimeWindows(window, time, streamTime)
        || LateRecordGate.lateForTimeWindows(window, time, panes.closedThrough() + window.grace())) {
      stats.lateRecord();
      return;
    }
    streamTimes[sideIndex] = streamTime;
    long bothSides = Math.min(streamTimes[0], streamTimes[1]);
    if (bothSides != Long.MIN_VALUE) {
      close(bothSides - window.grace(), time);
    }
    Side side = input.left() ? left : right;
    byte[] key = side.keySerde().serializer().serialize(storeName, record.key());
    byte[] group = ByteBuffer.allocate(1 + key.length).put((byte) (input.left() ? 0 : 1)).put(key).array();
    panes.add(time, group, input.input(), side.stateSerde(), side.newState());
  }

  /** Joins and writes every window ending at or before {@code limit} not closed yet. */
  private void close(long limit, long recordTime) {
    long closedBefore = panes.closedThrough();
    for (Map.Entry<Long, List<WindowPanes.ClosedGroup>> closed
        : panes.close(limit, group -> sideOf(group).stateSerde()).entrySet()) {
      long end = closed.getKey();
      List<WindowRow> lefts = new ArrayList<>();
      Map<Bytes, List<WindowRow>> rightsByKey = new HashMap<>();
      for (WindowPanes.ClosedGroup group : closed.getValue()) {
        WindowRow row = row(group, end, recordTime);
        if (row == null) {
          continue;
        }
        if (group.group[0] == 0) {
          lefts.add(row);
        } else {
          rightsByKey.computeIfAbsent(Bytes.wrap(row.key), k -> new ArrayList<>()).add(row);
        }
      }
      for (WindowRow l : lefts) {
        for (WindowRow r : rightsByKey.getOrDefault(Bytes.wrap(l.key), List.of())) {
          downstream.forward(context, new Record<>(l.key, joined.join(l.row, r.row), Math.max(l.time, r.time)));
        }
      }
    }
    if (panes.closedThrough() != closedBefore) {
      store.put(STREAM_TIMES, ByteBuffer.allocate(2 * Long.BYTES).putLong(streamTimes[0]).putLong(streamTimes[1])
          .array());
    }
  }

  /** The aggregation's row of a closed group, with its join key; null if it has none or cannot be made (reported). */
  private WindowRow row(WindowPanes.ClosedGroup group, long end, long recordTime) {
    Side side = sideOf(group.group);
    Object key = side.keySerde().deserializer().deserialize(storeName,
        Arrays.copyOfRange(group.group, 1, group.group.length));
    Object[] row = side.rows().keyRow(key, group.start, end);
    try {
      side.rows().fillResults(row, group.state);
    } catch (AggregateRows.ResultException e) {
      side.logger().log(context, ErrorType.EVALUATION_ERROR, Reasons.of(e),
          recordTime);
      return null;
    }
    side.rowsOut().increment();
    byte[] joinKey;
    try {
      joinKey = side.keys().of(row);
    } catch (RuntimeException e) {
      side.logger().log(context, ErrorType.EVALUATION_ERROR, "join key: " + Reasons.of(e), recordTime);
      return null;
    }
    return joinKey == null ? null : new WindowRow(row, joinKey, group.time);
  }

  private Side sideOf(byte[] group) {
    return group[0] == 0 ? left : right;
  }

  /** A closed window's row of one side, its join key and its time. */
  private record WindowRow(Object[] row, byte[] key, long time) {}
}

package io.sluice.runtime.topology;

import io.sluice.plan.WindowSpec;
import io.sluice.runtime.aggregate.AggregateInput;
import io.sluice.runtime.aggregate.AggregateState;
import io.sluice.runtime.aggregate.AggregateStateSerde;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The panes of a tumbling or hopping window's groups in a RocksDB store: each row updates its
 * group's state in the one pane its time falls in, and when a window closes its panes are merged,
 * in time order, into one state per group. Shared by the aggregation in panes and the window join,
 * whose groups are those of two aggregations.
 *
 * <p>Keys are the pane start (sign-flipped, so it sorts as a number) and the group's bytes; a
 * value is the greatest row time of the pane's group, which the window's row carries, then the
 * group's state. A pane is deleted once its newest window has closed. The greatest window end
 * closed is kept under a key that sorts last, so a restart goes on from it.
 */
final class WindowPanes {

  private static final Bytes CLOSED_THROUGH = Bytes.wrap(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1});

  private final KeyValueStore<Bytes, byte[]> store;
  private final long size;
  private final long advance;
  private final long pane;
  private long closedThrough;

  WindowPanes(KeyValueStore<Bytes, byte[]> store, WindowSpec window, long pane) {
    this.store = store;
    this.size = window.size();
    this.advance = window.advance() == null ? window.size() : window.advance();
    this.pane = pane;
    byte[] kept = store.get(CLOSED_THROUGH);
    closedThrough = kept == null ? Long.MIN_VALUE : ByteBuffer.wrap(kept).getLong();
  }

  /** The greatest window end closed, or {@link Long#MIN_VALUE} before the first. */
  long closedThrough() {
    return closedThrough;
  }

  /** One group's row of a closing window: its panes' states merged, and their greatest row time. */
  static final class ClosedGroup {

    final byte[] group;
    final long start;
    final AggregateState state;
    long time;

    ClosedGroup(byte[] group, long start, AggregateState state, long time) {
      this.group = group;
      this.start = start;
      this.state = state;
      this.time = time;
    }
  }

  /** Adds {@code input}, of a row at {@code time}, to {@code group}'s pane, whose state {@code serde} writes. */
  void add(long time, byte[] group, AggregateInput input, AggregateStateSerde serde, Supplier<AggregateState> newState) {
    Bytes key = paneKey(time - Math.floorMod(time, pane), group);
    byte[] stored = store.get(key);
    AggregateState state = stored == null ? newState.get() : state(stored, serde);
    long latest = stored == null ? time : Math.max(time, timeOf(stored));
    byte[] bytes = serde.serialize(null, state.apply(input));
    store.put(key, ByteBuffer.allocate(Long.BYTES + bytes.length).putLong(latest).put(bytes).array());
  }

  /**
   * Closes every window ending at or before {@code limit} not closed yet: their groups by window
   * end, each end's in the order of the group's bytes followed by the window start (as a
   * suppression buffer writes them), their states read with the serde {@code serdes} gives for the
   * group's bytes. Deletes the panes no open window needs.
   */
  TreeMap<Long, List<ClosedGroup>> close(long limit, Function<byte[], AggregateStateSerde> serdes) {
    TreeMap<Long, List<ClosedGroup>> closed = new TreeMap<>();
    long lastEnd = Math.floorDiv(limit - size, advance) * advance + size;
    if (lastEnd <= closedThrough) {
      return closed;
    }
    long firstStart = closedThrough == Long.MIN_VALUE ? Long.MIN_VALUE : closedThrough + advance - size;
    TreeMap<Long, TreeMap<Bytes, ClosedGroup>> closing = new TreeMap<>();
    List<Bytes> done = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> read = store.range(paneKey(firstStart, new byte[0]),
        paneKey(lastEnd, new byte[0]))) {
      while (read.hasNext()) {
        KeyValue<Bytes, byte[]> entry = read.next();
        long paneStart = ByteBuffer.wrap(entry.key.get()).getLong() ^ Long.MIN_VALUE;
        byte[] group = Arrays.copyOfRange(entry.key.get(), Long.BYTES, entry.key.get().length);
        AggregateStateSerde serde = serdes.apply(group);
        long newestStart = paneStart - Math.floorMod(paneStart, advance);
        // No window starts before 0, as Kafka Streams has it.
        for (long start = Math.max(0, Math.floorDiv(paneStart - size, advance) * advance + advance);
            start <= newestStart; start += advance) {
          long end = start + size;
          if (end > closedThrough && end <= lastEnd) {
            Bytes order = Bytes.wrap(ByteBuffer.allocate(group.length + Long.BYTES).put(group).putLong(start).array());
            ClosedGroup row = closing.computeIfAbsent(end, e -> new TreeMap<>()).get(order);
            if (row == null) {
              closing.get(end).put(order, new ClosedGroup(group, start, state(entry.value, serde), timeOf(entry.value)));
            } else {
              row.state.merge(state(entry.value, serde));
              row.time = Math.max(row.time, timeOf(entry.value));
            }
          }
        }
        if (newestStart + size <= lastEnd) {
          done.add(entry.key);
        }
      }
    }
    for (Bytes key : done) {
      store.delete(key);
    }
    closedThrough = lastEnd;
    store.put(CLOSED_THROUGH, ByteBuffer.allocate(Long.BYTES).putLong(lastEnd).array());
    for (Map.Entry<Long, TreeMap<Bytes, ClosedGroup>> window : closing.entrySet()) {
      closed.put(window.getKey(), new ArrayList<>(window.getValue().values()));
    }
    return closed;
  }

  private static AggregateState state(byte[] stored, AggregateStateSerde serde) {
    return serde.deserialize(null, Arrays.copyOfRange(stored, Long.BYTES, stored.length));
  }

  private static long timeOf(byte[] stored) {
    return ByteBuffer.wrap(stored).getLong();
  }

  private static Bytes paneKey(long paneStart, byte[] group) {
    return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + group.length).putLong(paneStart ^ Long.MIN_VALUE).put(group)
        .array());
  }
}

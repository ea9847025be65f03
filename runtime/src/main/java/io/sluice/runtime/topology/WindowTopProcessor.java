package io.sluice.runtime.topology;

import io.sluice.runtime.QueryStats;
import io.sluice.runtime.serde.BinaryRowSerde;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A window top's second step, in one task: keeps per window the rows at the greatest value read so
 * far and the latest time of its rows, and writes each window's rows once, each followed by the
 * greatest value and the window's start and end, at that latest time, when its stream time (the
 * greatest window end read, as a re-aggregation per window keeps it) passes the window's end plus
 * grace. A row of a window closed before is late: dropped and counted.
 *
 * <p>The store is laid out as {@link WindowsByEnd} says, one entry per window; a value is the latest
 * time, then each kept row's join key and row.
 */
final class WindowTopProcessor implements Processor<Object, Object, Object, Object> {

  private final String storeName;
  private final long grace;
  private final int valueIndex;
  private final int startIndex;
  private final int endIndex;
  private final BinaryRowSerde rows;
  private final QueryStats stats;
  private final Downstream downstream;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<Bytes, byte[]> windows;
  private long streamTime;
  private long closedThrough;

  /** A window's kept rows, all at its greatest value, and the latest time of all its rows. */
  private record Kept(long latest, List<byte[]> keys, List<Object[]> rows) {}

  WindowTopProcessor(String storeName, long grace, int valueIndex, int startIndex, int endIndex, BinaryRowSerde rows,
      QueryStats stats, Downstream downstream) {
    this.storeName = storeName;
    this.grace = grace;
    this.valueIndex = valueIndex;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.rows = rows;
    this.stats = stats;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.windows = context.getStateStore(storeName);
    streamTime = WindowsByEnd.streamTime(windows);
    closedThrough = Long.MIN_VALUE;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void process(Record<Object, Object> record) {
    Object[] row = (Object[]) record.value();
    long start = (Long) row[startIndex];
    long end = (Long) row[endIndex];
    if (end > streamTime) {
      streamTime = end;
      WindowsByEnd.keepStreamTime(windows, end);
    }
    if (end < streamTime - grace) {
      stats.lateRecord();
    } else {
      Bytes key = WindowsByEnd.key(end, start, new byte[0]);
      Kept kept = decode(windows.get(key));
      Comparable<Object> value = (Comparable<Object>) row[valueIndex];
      long latest = kept == null ? record.timestamp() : Math.max(kept.latest(), record.timestamp());
      List<byte[]> keys = kept == null ? new ArrayList<>() : kept.keys();
      List<Object[]> atGreatest = kept == null ? new ArrayList<>() : kept.rows();
      int order = value == null ? -1 : atGreatest.isEmpty() ? 1 : value.compareTo(atGreatest.get(0)[valueIndex]);
      if (order > 0) {
        keys.clear();
        atGreatest.clear();
      }
      if (order >= 0) {
        keys.add((byte[]) record.key());
        atGreatest.add(row);
      }
      if (order >= 0 || kept == null || latest > kept.latest()) {
        windows.put(key, encode(new Kept(latest, keys, atGreatest)));
      }
    }
    close(streamTime - grace - 1);
  }

  /** Writes and forgets the rows of every window ending at or before {@code through}. */
  private void close(long through) {
    if (through <= closedThrough) {
      return;
    }
    closedThrough = through;
    for (KeyValue<Bytes, byte[]> window : WindowsByEnd.removeThrough(windows, through)) {
      long start = WindowsByEnd.start(window.key);
      long end = WindowsByEnd.end(window.key);
      Kept kept = decode(window.value);
      for (int i = 0; i < kept.rows().size(); i++) {
        Object[] row = kept.rows().get(i);
        Object[] joined = Arrays.copyOf(row, row.length + 3);
        joined[row.length] = row[valueIndex];
        joined[row.length + 1] = start;
        joined[row.length + 2] = end;
        downstream.forward(context, new Record<>((Object) kept.keys().get(i), (Object) joined, kept.latest()));
      }
    }
  }

  private byte[] encode(Kept kept) {
    List<byte[]> encoded = new ArrayList<>();
    int size = Long.BYTES + Integer.BYTES;
    for (int i = 0; i < kept.rows().size(); i++) {
      byte[] row = rows.serialize(storeName, kept.rows().get(i));
      encoded.add(row);
      size += 2 * Integer.BYTES + kept.keys().get(i).length + row.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size).putLong(kept.latest()).putInt(encoded.size());
    for (int i = 0; i < encoded.size(); i++) {
      out.putInt(kept.keys().get(i).length).put(kept.keys().get(i));
      out.putInt(encoded.get(i).length).put(encoded.get(i));
    }
    return out.array();
  }

  private Kept decode(byte[] stored) {
    if (stored == null) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(stored);
    long latest = in.getLong();
    int count = in.getInt();
    List<byte[]> keys = new ArrayList<>(count);
    List<Object[]> kept = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] key = new byte[in.getInt()];
      in.get(key);
      byte[] row = new byte[in.getInt()];
      in.get(row);
      keys.add(key);
      kept.add(rows.deserialize(storeName, row));
    }
    return new Kept(latest, keys, kept);
  }
}

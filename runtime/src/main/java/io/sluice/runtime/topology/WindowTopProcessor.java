package io.sluice.runtime.topology;

import io.sluice.runtime.QueryStats;
import io.sluice.runtime.serde.BinaryRowSerde;
import java.nio.ByteBuffer;
import java.util.Arrays;
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
 * <p>The store is laid out as {@link WindowsByEnd} says. Per window, a header entry holds the latest
 * time, the number of rows kept and the greatest value; each kept row has an entry of its own, its
 * join key and row, numbered in arrival order after the header, so a tie adds one entry and a
 * greater value deletes the rows it beats, however many rows tie.
 */
final class WindowTopProcessor implements Processor<Object, Object, Object, Object> {

  private static final byte HEADER = 0;
  private static final byte ROW = 1;

  private final String storeName;
  private final long grace;
  private final int valueIndex;
  private final int startIndex;
  private final int endIndex;
  private final BinaryRowSerde rows;
  private final BinaryRowSerde values;
  private final QueryStats stats;
  private final Downstream downstream;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<Bytes, byte[]> windows;
  private long streamTime;
  private long closedThrough;

  /** A window's header: the latest time of its rows, how many rows it keeps, and their value (null for none yet). */
  private record Header(long latest, int kept, Object greatest) {}

  /**
   * @param rows the serde of the input rows
   * @param values a serde of one-column rows of the value's type, for the headers
   */
  WindowTopProcessor(String storeName, long grace, int valueIndex, int startIndex, int endIndex, BinaryRowSerde rows,
      BinaryRowSerde values, QueryStats stats, Downstream downstream) {
    this.storeName = storeName;
    this.grace = grace;
    this.valueIndex = valueIndex;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.rows = rows;
    this.values = values;
    this.stats = stats;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.windows = context.getStateStore(storeName);
    streamTime = WindowsByEnd.keptTime(windows);
    closedThrough = Long.MIN_VALUE;
  }

  @Override
  public void process(Record<Object, Object> record) {
    Object[] row = (Object[]) record.value();
    long start = (Long) row[startIndex];
    long end = (Long) row[endIndex];
    if (end > streamTime) {
      streamTime = end;
      WindowsByEnd.keepTime(windows, end);
    }
    if (end < streamTime - grace) {
      stats.lateRecord();
    } else {
      keep(start, end, (byte[]) record.key(), row, record.timestamp());
    }
    close(streamTime - grace - 1);
  }

  @SuppressWarnings("unchecked")
  private void keep(long start, long end, byte[] key, Object[] row, long time) {
    Bytes headerKey = WindowsByEnd.key(end, start, new byte[] {HEADER});
    byte[] stored = windows.get(headerKey);
    Header header = stored == null ? new Header(time, 0, null) : header(stored);
    Comparable<Object> value = (Comparable<Object>) row[valueIndex];
    int order = value == null ? -1 : header.greatest() == null ? 1 : value.compareTo(header.greatest());
    int kept = header.kept();
    if (order > 0) {
      for (int i = 0; i < kept; i++) {
        windows.delete(rowKey(end, start, i));
      }
      kept = 0;
    }
    if (order >= 0) {
      byte[] bytes = rows.serialize(storeName, row);
      windows.put(rowKey(end, start, kept), ByteBuffer.allocate(Integer.BYTES + key.length + bytes.length)
          .putInt(key.length).put(key).put(bytes).array());
      kept++;
    }
    Header updated = new Header(Math.max(header.latest(), time), kept, order > 0 ? value : header.greatest());
    if (stored == null || !updated.equals(header)) {
      windows.put(headerKey, encode(updated));
    }
  }

  /** Writes and forgets the rows of every window ending at or before {@code through}. */
  private void close(long through) {
    if (through <= closedThrough) {
      return;
    }
    closedThrough = through;
    Header header = null;
    for (KeyValue<Bytes, byte[]> entry : WindowsByEnd.removeThrough(windows, through)) {
      if (WindowsByEnd.rest(entry.key)[0] == HEADER) {
        // A window's header sorts before its rows.
        header = header(entry.value);
        continue;
      }
      ByteBuffer in = ByteBuffer.wrap(entry.value);
      byte[] key = new byte[in.getInt()];
      in.get(key);
      Object[] row = rows.deserialize(storeName, Arrays.copyOfRange(entry.value, in.position(), entry.value.length));
      Object[] joined = Arrays.copyOf(row, row.length + 3);
      joined[row.length] = header.greatest();
      joined[row.length + 1] = WindowsByEnd.start(entry.key);
      joined[row.length + 2] = WindowsByEnd.end(entry.key);
      downstream.forward(context, new Record<>((Object) key, (Object) joined, header.latest()));
    }
  }

  /** The key of a window's {@code n}th kept row, after its header. */
  private static Bytes rowKey(long end, long start, int n) {
    return WindowsByEnd.key(end, start, ByteBuffer.allocate(1 + Integer.BYTES).put(ROW).putInt(n).array());
  }

  private byte[] encode(Header header) {
    byte[] greatest = values.serialize(storeName, new Object[] {header.greatest()});
    return ByteBuffer.allocate(Long.BYTES + Integer.BYTES + greatest.length)
        .putLong(header.latest()).putInt(header.kept()).put(greatest).array();
  }

  private Header header(byte[] stored) {
    ByteBuffer in = ByteBuffer.wrap(stored);
    long latest = in.getLong();
    int kept = in.getInt();
    Object greatest = values.deserialize(storeName, Arrays.copyOfRange(stored, in.position(), stored.length))[0];
    return new Header(latest, kept, greatest);
  }
}

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
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A window max join's second step, in one task: keeps per window the greatest value of the rows
 * that fall in it and the candidate rows at or above it, and when the task's stream time passes a
 * window's end plus grace writes the candidates at the greatest value, each followed by it and the
 * window's start and end, at the candidate's own time. A row is a candidate of the windows still
 * open before it came, so a row at a window's end is one of the window it closes. A row whose
 * windows have all closed adds to none and is late, as for the aggregation; a row is late too when
 * a window it is a candidate of had closed. Either way it is counted once.
 *
 * <p>The store is laid out as {@link WindowsByEnd} says. Per window, a header entry holds the
 * number given to the next candidate and the greatest value (null while no row has fallen in the
 * window); each candidate has an entry of its own, its time, join key and row, numbered in arrival
 * order after the header. A greater value deletes the candidates below it. The greatest window end
 * closed is kept too, so that after a restart a row is still late for a window closed before it.
 */
final class WindowMaxJoinProcessor implements Processor<Object, Object, Object, Object> {

  private static final byte HEADER = 0;
  private static final byte CANDIDATE = 1;

  private final String storeName;
  private final int valueIndex;
  private final int timeIndex;
  private final WindowMaxWindows windows;
  private final JoinKeys keys;
  private final BinaryRowSerde rows;
  private final BinaryRowSerde values;
  private final QueryStats stats;
  private final ProcessingLogger logger;
  private final Downstream downstream;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<Bytes, byte[]> store;
  private long closedThrough;

  /** A window's header: the number of its next candidate, and the greatest value (null for none yet). */
  private record Header(int next, Comparable<Object> greatest) {}

  /**
   * @param rows the serde of the input rows
   * @param values a serde of one-column rows of the value's type, for the headers
   */
  WindowMaxJoinProcessor(String storeName, int valueIndex, int timeIndex, WindowMaxWindows windows, JoinKeys keys,
      BinaryRowSerde rows, BinaryRowSerde values, QueryStats stats, ProcessingLogger logger, Downstream downstream) {
    this.storeName = storeName;
    this.valueIndex = valueIndex;
    this.timeIndex = timeIndex;
    this.windows = windows;
    this.keys = keys;
    this.rows = rows;
    this.values = values;
    this.stats = stats;
    this.logger = logger;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    closedThrough = WindowsByEnd.keptTime(store);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void process(Record<Object, Object> record) {
    Object[] row = (Object[]) record.value();
    Comparable<Object> value = (Comparable<Object>) row[valueIndex];
    long time = record.timestamp();
    // A candidate first: the windows this row closes must still see it (a bid at a window's end).
    boolean late = value != null && !keepCandidate(record, row, value);
    long streamTime = Math.max(context.currentStreamTimeMs(), time);
    long closing = windows.closedEnd(streamTime);
    close(closing);
    if (value == null) {
      return;
    }
    if (windows.late(time, streamTime)) {
      late = true;
    } else {
      windows.containing(time, start -> {
        if (start + windows.size() > closing) {
          raise(start, value);
        }
      });
    }
    if (late) {
      stats.lateRecord();
    }
  }

  /**
   * Keeps {@code row} in the windows it is a candidate of; false if one of them had closed before
   * it came (the row is late for it).
   */
  private boolean keepCandidate(Record<Object, Object> record, Object[] row, Comparable<Object> value) {
    List<Long> starts = new ArrayList<>();
    windows.candidates(row[timeIndex], starts::add);
    boolean onTime = true;
    byte[] key = null;
    for (long start : starts) {
      if (start + windows.size() <= closedThrough) {
        onTime = false;
        continue;
      }
      if (key == null) {
        key = keys.ofOrLog(record, context, logger);
        if (key == null) {
          return onTime;
        }
      }
      keep(start, value, key, row, record.timestamp());
    }
    return onTime;
  }

  /** Makes {@code value} the greatest of the window at {@code start} if it is greater, deleting the candidates below it. */
  private void raise(long start, Comparable<Object> value) {
    long end = start + windows.size();
    Bytes headerKey = WindowsByEnd.key(end, start, new byte[] {HEADER});
    byte[] stored = store.get(headerKey);
    Header header = stored == null ? new Header(0, null) : header(stored);
    if (header.greatest() != null && value.compareTo(header.greatest()) <= 0) {
      return;
    }
    store.put(headerKey, encode(new Header(header.next(), value)));
    if (header.next() == 0) {
      return;
    }
    List<Bytes> below = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> candidates = store.range(candidateKey(end, start, 0),
        candidateKey(end, start, Integer.MAX_VALUE))) {
      candidates.forEachRemaining(entry -> {
        if (valueOf(entry.value).compareTo(value) < 0) {
          below.add(entry.key);
        }
      });
    }
    below.forEach(store::delete);
  }

  /** Keeps {@code row} as a candidate of the window at {@code start} unless it is below the window's greatest value. */
  private void keep(long start, Comparable<Object> value, byte[] key, Object[] row, long time) {
    long end = start + windows.size();
    Bytes headerKey = WindowsByEnd.key(end, start, new byte[] {HEADER});
    byte[] stored = store.get(headerKey);
    Header header = stored == null ? new Header(0, null) : header(stored);
    if (header.greatest() != null && value.compareTo(header.greatest()) < 0) {
      return;
    }
    byte[] bytes = rows.serialize(storeName, row);
    store.put(candidateKey(end, start, header.next()),
        ByteBuffer.allocate(Long.BYTES + Integer.BYTES + key.length + bytes.length)
            .putLong(time).putInt(key.length).put(key).put(bytes).array());
    store.put(headerKey, encode(new Header(header.next() + 1, header.greatest())));
  }

  /** Writes and forgets the candidates at the greatest value of every window ending at or before {@code through}, a window end. */
  @SuppressWarnings("unchecked")
  private void close(long through) {
    if (through <= closedThrough) {
      return;
    }
    closedThrough = through;
    WindowsByEnd.keepTime(store, through);
    Header header = null;
    for (KeyValue<Bytes, byte[]> entry : WindowsByEnd.removeThrough(store, through)) {
      if (WindowsByEnd.rest(entry.key)[0] == HEADER) {
        // A window's header sorts before its candidates.
        header = header(entry.value);
        continue;
      }
      ByteBuffer in = ByteBuffer.wrap(entry.value);
      long time = in.getLong();
      byte[] key = new byte[in.getInt()];
      in.get(key);
      Object[] row = rows.deserialize(storeName, Arrays.copyOfRange(entry.value, in.position(), entry.value.length));
      if (header.greatest() == null || ((Comparable<Object>) row[valueIndex]).compareTo(header.greatest()) != 0) {
        continue;
      }
      Object[] joined = Arrays.copyOf(row, row.length + 3);
      joined[row.length] = header.greatest();
      joined[row.length + 1] = WindowsByEnd.start(entry.key);
      joined[row.length + 2] = WindowsByEnd.end(entry.key);
      downstream.forward(context, new Record<>((Object) key, (Object) joined, time));
    }
  }

  @SuppressWarnings("unchecked")
  private Comparable<Object> valueOf(byte[] candidate) {
    ByteBuffer in = ByteBuffer.wrap(candidate);
    in.getLong();
    int keyLength = in.getInt();
    Object[] row = rows.deserialize(storeName, Arrays.copyOfRange(candidate, in.position() + keyLength,
        candidate.length));
    return (Comparable<Object>) row[valueIndex];
  }

  /** The key of a window's {@code n}th candidate, after its header. */
  private static Bytes candidateKey(long end, long start, int n) {
    return WindowsByEnd.key(end, start, ByteBuffer.allocate(1 + Integer.BYTES).put(CANDIDATE).putInt(n).array());
  }

  private byte[] encode(Header header) {
    byte[] greatest = values.serialize(storeName, new Object[] {header.greatest()});
    return ByteBuffer.allocate(Integer.BYTES + greatest.length).putInt(header.next()).put(greatest).array();
  }

  @SuppressWarnings("unchecked")
  private Header header(byte[] stored) {
    ByteBuffer in = ByteBuffer.wrap(stored);
    int next = in.getInt();
    Object greatest = values.deserialize(storeName, Arrays.copyOfRange(stored, in.position(), stored.length))[0];
    return new Header(next, (Comparable<Object>) greatest);
  }
}

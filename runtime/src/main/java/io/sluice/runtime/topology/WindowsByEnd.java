package io.sluice.runtime.topology;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The layout of a store of windows that close in order of their ends (a re-aggregation per window,
 * a window top, a window max join): keys are the window end and start, sign-flipped so they sort as
 * numbers, then what the store keeps per window. One time of the processor's own is kept under a
 * key that sorts last, so a restart resumes it: the stream time of window ends read for a
 * re-aggregation or a window top, the greatest window end closed for a window max join.
 */
final class WindowsByEnd {

  private static final Bytes KEPT_TIME = Bytes.wrap(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
      -1, -1, -1, -1, -1});

  private WindowsByEnd() {}

  /** The time kept in {@code store}, or MIN_VALUE if none is. */
  static long keptTime(KeyValueStore<Bytes, byte[]> store) {
    byte[] kept = store.get(KEPT_TIME);
    return kept == null ? Long.MIN_VALUE : ByteBuffer.wrap(kept).getLong();
  }

  static void keepTime(KeyValueStore<Bytes, byte[]> store, long time) {
    store.put(KEPT_TIME, ByteBuffer.allocate(Long.BYTES).putLong(time).array());
  }

  /** The key of a window's entry: its end, its start, then {@code rest}. */
  static Bytes key(long end, long start, byte[] rest) {
    return Bytes.wrap(ByteBuffer.allocate(2 * Long.BYTES + rest.length).putLong(end ^ Long.MIN_VALUE)
        .putLong(start ^ Long.MIN_VALUE).put(rest).array());
  }

  static long end(Bytes key) {
    return ByteBuffer.wrap(key.get()).getLong() ^ Long.MIN_VALUE;
  }

  static long start(Bytes key) {
    return ByteBuffer.wrap(key.get(), Long.BYTES, Long.BYTES).getLong() ^ Long.MIN_VALUE;
  }

  /** What a key holds after the window's bounds. */
  static byte[] rest(Bytes key) {
    byte[] bytes = key.get();
    byte[] rest = new byte[bytes.length - 2 * Long.BYTES];
    System.arraycopy(bytes, 2 * Long.BYTES, rest, 0, rest.length);
    return rest;
  }

  /**
   * Takes out of {@code store} and returns, in key order, the entries of the windows ending at or
   * before {@code through}.
   */
  static List<KeyValue<Bytes, byte[]>> removeThrough(KeyValueStore<Bytes, byte[]> store, long through) {
    List<KeyValue<Bytes, byte[]>> closed = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<Bytes, byte[]> entry = all.next();
        if (end(entry.key) > through) {
          break;
        }
        closed.add(entry);
      }
    }
    closed.forEach(entry -> store.delete(entry.key));
    return closed;
  }
}

package io.sluice.bench.nexmark.twin;

import java.nio.ByteBuffer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When the window-close twins (q5, q7, q8) close windows: a window {@code [start, start + size)}
 * accepts rows while its end plus {@link Twin#SQL_DEFAULT_GRACE_MS} is after stream time, as
 * Sluice's windows do. For the two-stage ones (q5, q7), also when every input partition has closed
 * a window, from the progress each partition reports.
 */
final class WindowClock {

  private WindowClock() {}

  /** The earliest window start (a multiple of {@code advance}) still open at {@code streamTime}. */
  static long firstOpenStart(long streamTime, long size, long advance) {
    long openFrom = streamTime - Twin.SQL_DEFAULT_GRACE_MS - size + 1;
    return Math.floorDiv(openFrom + advance - 1, advance) * advance;
  }

  /** Whether the window starting at {@code start} still accepts rows at {@code streamTime}. */
  static boolean open(long start, long size, long streamTime) {
    return start + size + Twin.SQL_DEFAULT_GRACE_MS > streamTime;
  }

  /** Records that input partition {@code partition} has closed every window starting before {@code closedBefore}. */
  static void reportProgress(KeyValueStore<Bytes, byte[]> progress, int partition, long closedBefore) {
    progress.put(Bytes.wrap(ByteBuffer.allocate(Integer.BYTES).putInt(partition).array()),
        ByteBuffer.allocate(Long.BYTES).putLong(closedBefore).array());
  }

  /**
   * The start before which every input partition has closed every window, or {@code Long.MIN_VALUE}
   * while some partition has reported nothing yet.
   */
  static long closedEverywhereBefore(KeyValueStore<Bytes, byte[]> progress, int partitions) {
    long min = Long.MAX_VALUE;
    for (int partition = 0; partition < partitions; partition++) {
      byte[] closed = progress.get(Bytes.wrap(ByteBuffer.allocate(Integer.BYTES).putInt(partition).array()));
      if (closed == null) {
        return Long.MIN_VALUE;
      }
      min = Math.min(min, ByteBuffer.wrap(closed).getLong());
    }
    return min;
  }
}

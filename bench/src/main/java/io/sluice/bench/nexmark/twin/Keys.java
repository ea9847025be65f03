package io.sluice.bench.nexmark.twin;

import java.nio.ByteBuffer;

/** Key bytes as Sluice writes them: BIGINT in the KAFKA format, and Kafka Streams' time-windowed keys. */
public final class Keys {

  private Keys() {}

  /** 8 bytes, big-endian. */
  public static byte[] bigint(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  /** Two longs, big-endian: a composite store key ordered by the first, then the second. */
  public static byte[] pair(long first, long second) {
    return ByteBuffer.allocate(2 * Long.BYTES).putLong(first).putLong(second).array();
  }

  /** A tumbling or hopping window's key: the BIGINT key, then the window start. */
  public static byte[] windowed(long key, long windowStart) {
    return pair(key, windowStart);
  }

  public static long first(byte[] key) {
    return ByteBuffer.wrap(key).getLong(0);
  }

  public static long second(byte[] key) {
    return ByteBuffer.wrap(key).getLong(Long.BYTES);
  }
}

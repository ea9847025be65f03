package io.sluice.server.kafka;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** A point in time by which a retried Kafka operation must succeed, with a short pause between tries. */
final class Deadline {

  private static final long PAUSE_NANOS = Duration.ofMillis(50).toNanos();

  private final long endNanos;

  private Deadline(long endNanos) {
    this.endNanos = endNanos;
  }

  static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos());
  }

  boolean passed() {
    return System.nanoTime() - endNanos >= 0;
  }

  /** The time left, but never less than {@code floorMillis}, so a last try still gets a fair chance. */
  int remainingMillisAtLeast(int floorMillis) {
    long left = (endNanos - System.nanoTime()) / 1_000_000;
    return (int) Math.max(floorMillis, Math.min(Integer.MAX_VALUE, left));
  }

  void pause() {
    LockSupport.parkNanos(PAUSE_NANOS);
  }
}

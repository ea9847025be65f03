package io.sluice.server.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** Waits for a condition by asking it again and again until a timeout, never by sleeping a fixed time. */
public final class Poll {

  private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(10).toNanos();
  private static final long MAX_PAUSE_NANOS = Duration.ofMillis(200).toNanos();

  private Poll() {}

  /**
   * Returns as soon as {@code condition} is true; an exception from it counts as "not yet".
   *
   * @throws AssertionError naming {@code what} (and the last exception) if the timeout passes first
   */
  public static void until(Duration timeout, Callable<Boolean> condition, String what) {
    forValue(timeout, () -> Boolean.TRUE.equals(condition.call()) ? Boolean.TRUE : null, what);
  }

  /**
   * Returns the first non-null value {@code producer} gives; an exception from it counts as "not yet".
   *
   * @throws AssertionError naming {@code what} (and the last exception) if the timeout passes first
   */
  public static <T> T forValue(Duration timeout, Callable<T> producer, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_PAUSE_NANOS;
    Exception last = null;
    while (true) {
      try {
        T value = producer.call();
        if (value != null) {
          return value;
        }
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() - deadline > 0) {
        AssertionError timedOut = new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what
            + Optional.ofNullable(last).map(e -> "; last error: " + e).orElse(""));
        if (last != null) {
          timedOut.initCause(last);
        }
        throw timedOut;
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
    }
  }
}

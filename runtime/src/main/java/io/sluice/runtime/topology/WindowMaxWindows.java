package io.sluice.runtime.topology;

import io.sluice.plan.WindowSpec;
import io.sluice.plan.node.WindowMaxJoinNode;
import java.time.Instant;
import java.util.function.LongConsumer;

/**
 * The window arithmetic of a window max join: the windows a row's time falls in, the windows its
 * time column makes it a candidate of, and which windows a stream time has closed.
 */
final class WindowMaxWindows {

  private final WindowSpec window;
  private final long size;
  private final long advance;
  private final long grace;
  private final long endFrom;
  private final long endTo;

  /** The windows of {@code node}. */
  WindowMaxWindows(WindowMaxJoinNode node) {
    this(node.window(), node.endFrom(), node.endTo());
  }

  /** {@code window}s, a row being a candidate of those ending from its time plus {@code endFrom} to plus {@code endTo}. */
  WindowMaxWindows(WindowSpec window, long endFrom, long endTo) {
    this.window = window;
    this.size = window.size();
    this.advance = window.advance() == null ? size : window.advance();
    this.grace = window.grace();
    this.endFrom = endFrom;
    this.endTo = endTo;
  }

  long size() {
    return size;
  }

  /**
   * Calls {@code action} with the start of each window a row at {@code time} falls in; windows
   * start at 0 or later, as Kafka Streams' do.
   */
  void containing(long time, LongConsumer action) {
    for (long start = time - Math.floorMod(time, advance); start > time - size && start >= 0; start -= advance) {
      action.accept(start);
    }
  }

  /**
   * Calls {@code action} with the start of each window whose end lies between {@code time} (a
   * TIMESTAMP or BIGINT value, null for none) plus the node's {@code endFrom} and plus its
   * {@code endTo}: none for a time too far out to add to.
   */
  void candidates(Object time, LongConsumer action) {
    if (time == null) {
      return;
    }
    long first;
    long last;
    try {
      long millis = time instanceof Instant instant ? instant.toEpochMilli() : (Long) time;
      long from = Math.addExact(millis, endFrom - size);
      last = Math.addExact(millis, endTo - size);
      first = Math.max(0, Math.multiplyExact(-Math.floorDiv(Math.negateExact(from), advance), advance));
    } catch (ArithmeticException outOfRange) {
      return;
    }
    for (long start = first; start <= last; start += advance) {
      action.accept(start);
      if (start > Long.MAX_VALUE - advance) {
        return;
      }
    }
  }

  /** The end of the newest window closed at {@code streamTime}: every window ending at or before it is closed. */
  long closedEnd(long streamTime) {
    return Math.floorDiv(streamTime - grace - size, advance) * advance + size;
  }

  /** Whether a row at {@code time} falls in no window still open at {@code streamTime}, as for the aggregation. */
  boolean late(long time, long streamTime) {
    return LateRecordGate.lateForTimeWindows(window, time, streamTime);
  }
}

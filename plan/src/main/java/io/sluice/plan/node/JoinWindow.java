package io.sluice.plan.node;

/**
 * The window of a stream-stream join, in milliseconds: a right record joins a left record when its
 * time lies from {@code before} before to {@code after} after the left record's. A record arriving
 * when stream time has passed its window's end by more than {@code grace} is late and dropped, and
 * an outer join's unmatched record is emitted once that much time has passed.
 */
public record JoinWindow(long before, long after, long grace) {

  public JoinWindow {
    if (before < 0 || after < 0 || grace < 0) {
      throw new IllegalArgumentException("join window bounds and grace must not be negative");
    }
  }
}

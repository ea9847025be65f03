package io.sluice.plan;

/** The kinds of window an aggregation can group rows into. */
public enum WindowType {
  /** Fixed-size, non-overlapping windows aligned to the epoch: [start, start + size). */
  TUMBLING,
  /** Fixed-size windows every {@code advance}, aligned to the epoch; a row falls into size / advance of them. */
  HOPPING,
  /**
   * Per-key sessions of activity: a row within {@code gap} of a session's first or last row joins
   * it, and a row that bridges two sessions merges them. WINDOWEND is the time of the last row.
   */
  SESSION
}

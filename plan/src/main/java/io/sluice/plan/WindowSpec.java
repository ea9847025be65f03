package io.sluice.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The window of an aggregation, every duration in milliseconds and every default already applied
 * by the planner, so the runtime decides nothing.
 *
 * <p>{@code size} is the window size, or the inactivity gap of a SESSION window; {@code advance}
 * is set for HOPPING only. A window closes when stream time passes its end plus {@code grace}; a
 * row for a closed window is late and dropped. {@code retention} is how long the window store
 * keeps windows, at least size plus grace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WindowSpec(WindowType type, long size, Long advance, long grace, long retention) {

  /** The name of the column holding a window's start, in epoch milliseconds. */
  public static final String START_COLUMN = "WINDOWSTART";
  /** The name of the column holding a window's end, in epoch milliseconds. */
  public static final String END_COLUMN = "WINDOWEND";

  public WindowSpec {
    if (type == null) {
      throw new IllegalArgumentException("a window needs a type");
    }
    if (size <= 0) {
      throw new IllegalArgumentException("window size must be positive: " + size);
    }
    if ((type == WindowType.HOPPING) != (advance != null)) {
      throw new IllegalArgumentException("ADVANCE BY is for HOPPING windows only, and they need it");
    }
    if (advance != null && (advance <= 0 || advance > size)) {
      throw new IllegalArgumentException("ADVANCE BY must be positive and at most the window size");
    }
    if (grace < 0) {
      throw new IllegalArgumentException("grace period must not be negative: " + grace);
    }
    if (retention < size + grace) {
      throw new IllegalArgumentException("retention must be at least window size plus grace period");
    }
  }

  /** True if {@code name} is WINDOWSTART or WINDOWEND. */
  public static boolean isWindowColumn(String name) {
    return START_COLUMN.equals(name) || END_COLUMN.equals(name);
  }
}

package io.sluice.planner.query;

import io.sluice.parser.ast.SqlWindowSpec;
import io.sluice.parser.ast.WindowKind;
import io.sluice.plan.Durations;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.planner.PlanningException;
import java.time.Duration;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Settles a written window into the plan's {@link WindowSpec}, applying the defaults: the grace
 * period is the stream's GRACE_PERIOD (see {@link StreamGrace}), or ksqlDB's 24 hours, unless given, and retention is the window size plus the grace period
 * unless given, in which case it must be at least that.
 */
final class WindowSpecs {

  /** ksqlDB's grace period when none is written. */
  static final long DEFAULT_GRACE_MILLIS = Duration.ofHours(24).toMillis();

  private WindowSpecs() {}

  /**
   * The window of ksqlDB's {@code WINDOW TUMBLING|HOPPING|SESSION (...)} clause; {@code defaultGrace}
   * is the grace period when none is written (null for 24 hours).
   */
  static WindowSpec of(SqlWindowSpec written, Long defaultGrace) {
    WindowType type = switch (written.kind()) {
      case TUMBLING -> WindowType.TUMBLING;
      case HOPPING -> WindowType.HOPPING;
      case SESSION -> WindowType.SESSION;
    };
    Duration size = written.kind() == WindowKind.SESSION ? written.gap() : written.size();
    return withDefaults(type, size.toMillis(), written.advance() == null ? null : written.advance().toMillis(),
        millis(written.grace()), defaultGrace, millis(written.retention()), written.retentionPosition());
  }

  /**
   * A window with the defaults applied to a null {@code grace} (the streams' {@code defaultGrace},
   * or 24 hours when that is null too) or {@code retention}.
   */
  static WindowSpec withDefaults(WindowType type, long size, Long advance, Long grace, Long defaultGrace,
      Long retention, SqlParserPos retentionPosition) {
    long settledGrace = grace != null ? grace : StreamGrace.orDefault(defaultGrace);
    long least = size + settledGrace;
    if (retention != null && retention < least) {
      throw new PlanningException("RETENTION " + Durations.print(retention) + " is shorter than the window "
          + (type == WindowType.SESSION ? "gap" : "size") + " plus the grace period, " + Durations.print(least)
          + (grace != null ? "" : defaultGrace == null ? " (the grace period defaults to 24 HOURS)"
              : " (the grace period defaults to the stream's GRACE_PERIOD, " + Durations.print(defaultGrace) + ")")
          + ": windows would be dropped before they close", retentionPosition);
    }
    return new WindowSpec(type, size, advance, settledGrace, retention == null ? least : retention);
  }

  private static Long millis(Duration duration) {
    return duration == null ? null : duration.toMillis();
  }
}

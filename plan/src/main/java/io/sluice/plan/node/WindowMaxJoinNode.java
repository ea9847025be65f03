package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sluice.plan.RowSchema;
import io.sluice.plan.TypeName;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.plan.expr.Expr;
import java.util.List;

/**
 * The rows of a stream whose column {@code valueIndex} equals the greatest value of a window of
 * the same rows near them, each followed by that greatest value, the window's start and its end:
 * what the planner makes of an unbounded inner join of a stream with its own MAX per tumbling or
 * hopping window, on {@code value = max}, under a filter that bounds the window by a time column of
 * the row (Nexmark's q7, "the bids at the highest price of the window ending at most 10 s after
 * them"). It replaces that join, with its id and schema; the filter stays above it.
 *
 * <p>Each row adds its value to the windows its record time falls in, as the aggregation did, and
 * is a candidate of the windows whose end lies between its column {@code timeIndex} plus
 * {@code endFrom} and plus {@code endTo} (milliseconds; the range the filter allows, or a wider
 * one). When a window closes (stream time passes its end plus grace), its candidates at its greatest
 * value are written. A row that would add to a closed window is late, as it was for the
 * aggregation; so is a row whose candidate window has closed, which the join, keeping every row,
 * would still have joined. A joined row keeps the time of the row it extends.
 *
 * <p>Its rows are keyed by the join key it replaced ({@code keys} over the input, serialized as
 * {@code key}) and are all in one partition.
 */
public record WindowMaxJoinNode(
    String id,
    PlanNode input,
    int valueIndex,
    int timeIndex,
    long endFrom,
    long endTo,
    List<Expr> keys,
    JoinKey key,
    WindowSpec window,
    String storeName,
    RowSchema schema)
    implements PlanNode {

  /** The most windows a row may be a candidate of; a wider range is left to the join. */
  public static final long MAX_CANDIDATE_WINDOWS = 1_000;

  public WindowMaxJoinNode {
    keys = List.copyOf(keys);
    PlanNodes.checkWindowMaximumStep("window max join " + id, input, keys, key, window, storeName, schema);
    RowSchema rows = input.schema();
    if (valueIndex < 0 || valueIndex >= rows.size() || timeIndex < 0 || timeIndex >= rows.size()) {
      throw new IllegalArgumentException("window max join " + id + ": no input column " + valueIndex + " or "
          + timeIndex);
    }
    TypeName time = rows.column(timeIndex).type().name();
    if (time != TypeName.TIMESTAMP && time != TypeName.BIGINT) {
      throw new IllegalArgumentException("window max join " + id + ": the time column is a TIMESTAMP or BIGINT, not "
          + time);
    }
    if (window.type() != WindowType.TUMBLING && window.type() != WindowType.HOPPING) {
      throw new IllegalArgumentException("window max join " + id + ": tumbling or hopping windows only");
    }
    if (PlanNodes.emitsTable(input)) {
      throw new IllegalArgumentException("window max join " + id + ": its input is a stream");
    }
    if (candidateWindows(window, endFrom, endTo) > MAX_CANDIDATE_WINDOWS) {
      throw new IllegalArgumentException("window max join " + id + ": a row would be a candidate of more than "
          + MAX_CANDIDATE_WINDOWS + " windows");
    }
  }

  /** The most windows whose end lies in a range {@code endTo - endFrom} long, for {@code window}. */
  public static long candidateWindows(WindowSpec window, long endFrom, long endTo) {
    long advance = window.advance() == null ? window.size() : window.advance();
    return endTo < endFrom ? 0 : (endTo - endFrom) / advance + 1;
  }

  /**
   * The name of the repartition step that brings the rows that may matter to one task; its topic is
   * this plus {@code -repartition}.
   */
  @JsonIgnore
  public String repartitionName() {
    return id;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }
}

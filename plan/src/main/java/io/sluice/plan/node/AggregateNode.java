package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.EmitMode;
import io.sluice.plan.RowSchema;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.expr.Expr;
import java.util.List;

/**
 * Groups the input rows by {@code groupBy} (and by {@code window} when it is set) and keeps each
 * group's {@code aggregates} in the state store {@code storeName}. Its output is a table: one row
 * per group (and window), updated as input arrives, written per {@code emit}.
 *
 * <p>The schema is the group-by columns (KEY, in {@code groupBy} order), then one VALUE column per
 * aggregate, then for a windowed aggregation WINDOWSTART and WINDOWEND (BIGINT, PSEUDO). Rows with
 * a null group-by value are dropped to the processing log. Over a TABLE input, an update takes the
 * old row out of its group and adds the new one, and a tombstone takes the row out; a group left
 * with no rows is deleted. The store name is stable, so the server can find the store by query and
 * pull queries can read it.
 *
 * <p>{@code windowsOfInput} TRUE makes it a per-window re-aggregation: its input is a windowed
 * aggregation's EMIT FINAL rows (through projections and filters only), and each row goes to the
 * window it was written for, the same {@code window}, rather than to the windows its time falls in;
 * each window's groups are written once (EMIT FINAL) when stream time passes the window's end plus
 * grace, and rows of windows closed before are late. Null otherwise (absent from the JSON).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AggregateNode(
    String id,
    PlanNode input,
    List<Expr> groupBy,
    List<AggregateCall> aggregates,
    WindowSpec window,
    EmitMode emit,
    String storeName,
    RowSchema schema,
    Boolean windowsOfInput)
    implements PlanNode {

  /** An aggregation whose windows, if any, follow its rows' event time. */
  public AggregateNode(String id, PlanNode input, List<Expr> groupBy, List<AggregateCall> aggregates,
      WindowSpec window, EmitMode emit, String storeName, RowSchema schema) {
    this(id, input, groupBy, aggregates, window, emit, storeName, schema, null);
  }

  public AggregateNode {
    groupBy = List.copyOf(groupBy);
    aggregates = List.copyOf(aggregates);
    int expected = groupBy.size() + aggregates.size() + (window == null ? 0 : 2);
    if (schema.size() != expected) {
      throw new IllegalArgumentException(
          "aggregate " + id + ": schema has " + schema.size() + " columns, expected " + expected);
    }
    if (emit == EmitMode.FINAL && window == null) {
      throw new IllegalArgumentException("EMIT FINAL needs a windowed aggregation");
    }
    if (Boolean.TRUE.equals(windowsOfInput) && (window == null || emit != EmitMode.FINAL)) {
      throw new IllegalArgumentException("a re-aggregation per window of its input needs a window and EMIT FINAL");
    }
    if (Boolean.FALSE.equals(windowsOfInput)) {
      windowsOfInput = null;
    }
  }

  /** True for a re-aggregation of a windowed aggregation's final rows, per their windows. */
  @JsonIgnore
  public boolean reaggregatesWindows() {
    return Boolean.TRUE.equals(windowsOfInput);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }
}

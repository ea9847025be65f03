package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.EmitMode;
import io.sluice.plan.RowSchema;
import io.sluice.plan.TypeName;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
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
 *
 * <p>{@code inputPartitionKey}, when set, is the position in {@code groupBy} of the input's record
 * key: the input is a stream whose records are keyed, and partitioned, by that one column in the
 * KAFKA format, and the group-by expression is that column unchanged. Every group then lies within
 * one input partition, so an unwindowed aggregation, or a windowed one in {@code panes}, keeps its
 * groups where its rows are read, with no repartition topic (a windowed one then judges lateness by
 * the stream time of the task that reads the input). Null (absent from the JSON, as in plans written
 * before it existed) groups as
 * before: by the raw source key when the groups are exactly it ({@link #keyedSource()}), otherwise
 * through a repartition topic.
 *
 * <p>{@code panes} TRUE keeps a tumbling or hopping EMIT FINAL aggregation of a stream in panes:
 * each row updates only the pane its time falls in (panes as long as the greatest common divisor
 * of the window's size and advance), and a window's panes are merged when it closes, where the
 * windows themselves would each take the row (five times for a 10 s window every 2 s) and wait in
 * a suppression buffer. The aggregates must give the same result whatever order their rows are
 * merged in ({@link #mergesExactly}). Null (absent from the JSON, as in plans written before it
 * existed) keeps the windows themselves; a store holds one or the other, so a plan never changes it.
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
    Boolean windowsOfInput,
    Integer inputPartitionKey,
    Boolean panes)
    implements PlanNode {

  /** The most panes one window may span; finer panes would cost more to merge than they save. */
  public static final long MAX_PANES_PER_WINDOW = 100;

  /** An aggregation whose windows, if any, follow its rows' event time. */
  public AggregateNode(String id, PlanNode input, List<Expr> groupBy, List<AggregateCall> aggregates,
      WindowSpec window, EmitMode emit, String storeName, RowSchema schema) {
    this(id, input, groupBy, aggregates, window, emit, storeName, schema, null, null, null);
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
    if (Boolean.FALSE.equals(panes)) {
      panes = null;
    }
    if (inputPartitionKey != null && (window != null && panes == null || PlanNodes.emitsTable(input)
        || inputPartitionKey < 0 || inputPartitionKey >= groupBy.size() || keyedSource(input, groupBy) != null)) {
      throw new IllegalArgumentException("aggregate " + id + ": only an unwindowed aggregation of a stream, or one in "
          + "panes, not grouped by exactly its source's key, can keep its groups in its input's partitions, by one "
          + "of its group-by expressions");
    }
    if (panes != null && !canKeepPanes(input, aggregates, window, emit, windowsOfInput)) {
      throw new IllegalArgumentException("aggregate " + id + ": only a tumbling or hopping EMIT FINAL aggregation of a "
          + "stream, whose aggregates merge exactly and whose windows span at most " + MAX_PANES_PER_WINDOW
          + " panes, can keep panes");
    }
  }

  /** True if each row updates one pane, and windows are merged from panes as they close (see {@code panes}). */
  @JsonIgnore
  public boolean keepsPanes() {
    return panes != null;
  }

  /** The length of a pane: the greatest common divisor of the window's size and advance. */
  @JsonIgnore
  public long paneSize() {
    return paneSize(window);
  }

  /** True if an aggregation with these fields may keep panes. */
  public static boolean canKeepPanes(PlanNode input, List<AggregateCall> aggregates, WindowSpec window, EmitMode emit,
      Boolean windowsOfInput) {
    return window != null && emit == EmitMode.FINAL && windowsOfInput == null
        && (window.type() == WindowType.TUMBLING || window.type() == WindowType.HOPPING)
        && !PlanNodes.emitsTable(input) && window.size() / paneSize(window) <= MAX_PANES_PER_WINDOW
        && aggregates.stream().allMatch(AggregateNode::mergesExactly);
  }

  /**
   * True if {@code call}'s result is the same whatever order its rows are folded and merged in:
   * COUNT, MIN, MAX, and SUM and AVG of exact numbers (a DOUBLE sum depends on the order of its
   * additions, and LATEST_BY_OFFSET or COLLECT_LIST on the order of the rows themselves).
   */
  public static boolean mergesExactly(AggregateCall call) {
    return switch (call.function()) {
      case COUNT, MIN, MAX -> true;
      case SUM, AVG -> call.args().size() == 1 && call.args().get(0).type().name() != TypeName.DOUBLE;
      default -> false;
    };
  }

  private static long paneSize(WindowSpec window) {
    long advance = window.advance() == null ? window.size() : window.advance();
    long a = window.size();
    long b = advance;
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  /** True if the groups stay in the input's partitions, with no repartition (see {@code inputPartitionKey}). */
  @JsonIgnore
  public boolean aggregatesInPlace() {
    return inputPartitionKey != null;
  }

  /**
   * The source whose raw record keys already identify the groups, or null: when the group-by
   * expressions are exactly its key columns in key order and only filters lie between. Grouping
   * by those bytes needs no repartition.
   */
  @JsonIgnore
  public SourceNode keyedSource() {
    return keyedSource(input, groupBy);
  }

  /** {@link #keyedSource()} of an aggregation of {@code input} by {@code groupBy}. */
  public static SourceNode keyedSource(PlanNode input, List<Expr> groupBy) {
    PlanNode upstream = input;
    while (upstream instanceof FilterNode filter) {
      upstream = filter.input();
    }
    if (!(upstream instanceof SourceNode source)) {
      return null;
    }
    int[] keySlots = source.schema().indexesOf(ColumnKind.KEY);
    if (keySlots.length != groupBy.size()) {
      return null;
    }
    for (int i = 0; i < keySlots.length; i++) {
      if (!(groupBy.get(i) instanceof InputRef ref) || ref.index() != keySlots[i]) {
        return null;
      }
    }
    return source;
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

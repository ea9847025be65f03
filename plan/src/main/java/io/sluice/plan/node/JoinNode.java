package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.RowSchema;
import java.util.List;
import java.util.Objects;

/**
 * Joins the rows of two inputs whose join keys are equal. Its rows are the left row's columns
 * followed by the right row's, the columns of a missing side null in an outer join's unmatched
 * rows.
 *
 * <p>Both sides' records are keyed by the join key, serialized as {@code key} says, and partitioned
 * by it: a side with a {@link JoinSide#repartition} goes through its repartition topic
 * {@code <id>-left|right-repartition} first, the other side is keyed so already; or, when one side
 * {@link JoinSide#broadcast}s, that side goes to every partition and the other is re-keyed where it
 * is, so the joined records stay in its partitions. Rows whose join key is null match nothing.
 * {@code window} is set for stream-stream joins only.
 *
 * <p>What the rows are: a stream-stream join emits a row per matching pair within the window and,
 * for the outer sides, each unmatched record once its window and grace have passed. A stream-table
 * join emits a row per stream record, joined with the table's row for its key at the time it is
 * processed; table updates emit nothing. Table-table and foreign-key joins emit changes of the
 * joined table: each update or delete of either side updates or deletes the rows it joins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JoinNode(
    String id,
    JoinKind kind,
    JoinType type,
    JoinSide left,
    JoinSide right,
    JoinKey key,
    JoinWindow window,
    RowSchema schema)
    implements PlanNode {

  public JoinNode {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    if (window != null && kind != JoinKind.STREAM_STREAM) {
      throw new IllegalArgumentException("join " + id + ": a window is for stream-stream joins, and only them");
    }
    if (window == null && kind == JoinKind.STREAM_STREAM && type != JoinType.INNER) {
      throw new IllegalArgumentException("join " + id + ": an outer stream-stream join needs a window");
    }
    if (!kind.allows(type)) {
      throw new IllegalArgumentException("join " + id + ": a " + kind + " join cannot be " + type);
    }
    int width = left.input().schema().size() + right.input().schema().size();
    if (schema.size() != width) {
      throw new IllegalArgumentException("join " + id + ": schema has " + schema.size() + " columns, expected " + width);
    }
    if (left.keys().size() != key.columns().size() || right.keys().size() != key.columns().size()) {
      throw new IllegalArgumentException("join " + id + ": each side needs one key expression per key column");
    }
    if (left.broadcasts() || right.broadcasts()) {
      JoinSide other = left.broadcasts() ? right : left;
      if (kind != JoinKind.STREAM_STREAM || type != JoinType.INNER || window != null) {
        throw new IllegalArgumentException("join " + id + ": only an unbounded inner stream-stream join broadcasts a side");
      }
      if (other.broadcasts() || other.repartition() != null) {
        throw new IllegalArgumentException("join " + id + ": the side opposite a broadcast one stays where it is");
      }
    }
  }

  /**
   * True if one side is broadcast to every partition of the other: the joined records are keyed by
   * the join key but stay in the other side's partitions, not partitioned by the key.
   */
  @JsonIgnore
  public boolean broadcasts() {
    return left.broadcasts() || right.broadcasts();
  }

  /**
   * True if the joined records keep the left side's record keys rather than being keyed by the join
   * key: a foreign-key join's (keyed by the left table's key) and a stream's joined with a global
   * table (never re-keyed).
   */
  @JsonIgnore
  public boolean keepsLeftKeys() {
    if (kind == JoinKind.FOREIGN_KEY) {
      return true;
    }
    PlanNode table = right.input();
    while (table instanceof FilterNode filter) {
      table = filter.input();
    }
    return table instanceof SourceNode source && source.isGlobal();
  }

  /** The name of the repartition step of a side ({@code "left"} or {@code "right"}); its topic is this plus {@code -repartition}. */
  public String repartitionName(String side) {
    return id + "-" + side;
  }

  /**
   * The state stores the join keeps: an unbounded stream-stream join's records of each side,
   * {@code <id>-left|right-store}; a stream-stream join's window stores of each side and, for an
   * outer join, of the records not matched yet, named as Kafka Streams names them from the join's
   * id ("this" is the left side, the right side of a RIGHT join); a foreign-key join's tables of
   * each side, its result, and the result's previous rows (Kafka Streams adds its subscription
   * store, {@code <id>-subscription-store}); a stream-table or table-table join's reads of the
   * stores of its table sides: a table source's own store, or, for another join's result,
   * {@code <id>-left|right-store}.
   */
  public List<String> storeNames() {
    if (kind == JoinKind.FOREIGN_KEY) {
      return List.of(id + "-left-store", id + "-right-store", id + "-store", id + "-changes-store");
    }
    if (kind == JoinKind.STREAM_TABLE) {
      return List.of(tableStore("right", right.input()));
    }
    if (kind == JoinKind.TABLE_TABLE) {
      return List.of(tableStore("left", left.input()), tableStore("right", right.input()));
    }
    if (window == null) {
      return List.of(id + "-left-store", id + "-right-store");
    }
    return switch (type) {
      case INNER -> List.of(id + "-this-join-store", id + "-other-join-store");
      case LEFT, RIGHT -> List.of(id + "-this-join-store", id + "-outer-other-join-store",
          id + "-left-shared-join-store");
      case FULL -> List.of(id + "-outer-this-join-store", id + "-outer-other-join-store",
          id + "-outer-shared-join-store");
    };
  }

  /** The store a table side's rows are looked up in: its table source's, or one of this join's own. */
  private String tableStore(String sideName, PlanNode side) {
    PlanNode node = side;
    while (node instanceof FilterNode filter) {
      node = filter.input();
    }
    return node instanceof SourceNode source ? source.storeName() : repartitionName(sideName) + "-store";
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(left.input(), right.input());
  }
}

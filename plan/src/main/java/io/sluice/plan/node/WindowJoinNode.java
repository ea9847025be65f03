package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sluice.plan.RowSchema;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import java.util.List;
import java.util.Objects;

/**
 * An inner join of two windowed aggregations in panes, with the same window, on their window and one
 * group-by column of each (Nexmark's q8: the people and the sellers of each 10 s window), computed
 * as one step: both aggregations' groups are kept in one store, in panes, and when a window closes
 * each side's rows are made and joined in memory, where a join of the two aggregations' rows would
 * repartition both and keep them for good. Its rows are the join's: the left aggregation's row,
 * then the right's.
 *
 * <p>{@code left} and {@code right} are the aggregations with the join's key expressions over their
 * rows: each key is the same window bound of both sides (WINDOWSTART or WINDOWEND, or the same CAST
 * of it), but for one, a group-by column of each side, of one type: the partition key. Both sides'
 * input rows meet in one task per partition of that key, partitioned as Kafka's default
 * partitioner places the key's KAFKA bytes: a side with a {@code repartition} count goes through
 * {@code <id>-left|right-repartition} with that many partitions, a side without one is aggregated in
 * place already, keyed so ({@link AggregateNode#inputPartitionKey}), with that many partitions.
 *
 * <p>Both sides close a window together, when the task's stream time passes its end plus grace; a
 * row of a window closed before is late (dropped and counted). A joined row has the later of its
 * two rows' times, and is keyed by the join key, serialized as {@code key} says.
 */
public record WindowJoinNode(String id, JoinSide left, JoinSide right, JoinKey key, String storeName,
    RowSchema schema) implements PlanNode {

  public WindowJoinNode {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(storeName, "storeName");
    AggregateNode leftAggregate = aggregate(id, left);
    AggregateNode rightAggregate = aggregate(id, right);
    WindowSpec l = leftAggregate.window();
    WindowSpec r = rightAggregate.window();
    if (l.type() != r.type() || l.size() != r.size() || !Objects.equals(l.advance(), r.advance())
        || l.grace() != r.grace()) {
      throw new IllegalArgumentException("window join " + id + ": both sides need the same window");
    }
    if (left.keys().size() != key.columns().size() || right.keys().size() != key.columns().size()) {
      throw new IllegalArgumentException("window join " + id + ": each side needs one key expression per key column");
    }
    if (schema.size() != leftAggregate.schema().size() + rightAggregate.schema().size()) {
      throw new IllegalArgumentException("window join " + id + ": schema is not the two sides' rows");
    }
    if (left.broadcasts() || right.broadcasts()) {
      throw new IllegalArgumentException("window join " + id + ": no side is broadcast");
    }
    int partitionKey = -1;
    for (int i = 0; i < key.columns().size(); i++) {
      Expr leftKey = left.keys().get(i);
      Expr rightKey = right.keys().get(i);
      if (sameBound(leftKey, leftAggregate, rightKey, rightAggregate)) {
        continue;
      }
      boolean groupColumns = leftKey instanceof InputRef a && a.index() < leftAggregate.groupBy().size()
          && rightKey instanceof InputRef b && b.index() < rightAggregate.groupBy().size()
          && leftKey.type().equals(rightKey.type());
      if (!groupColumns || partitionKey >= 0) {
        throw new IllegalArgumentException("window join " + id + ": its keys are the window and one group-by column"
            + " of each side");
      }
      partitionKey = i;
    }
    if (partitionKey < 0 || key.columns().size() < 2) {
      throw new IllegalArgumentException("window join " + id + ": its keys are the window and one group-by column"
          + " of each side");
    }
    inPlaceCheck(id, left, partitionKey);
    inPlaceCheck(id, right, partitionKey);
  }

  /** The position in the key of the group-by columns the rows are partitioned by. */
  @JsonIgnore
  public int partitionKey() {
    for (int i = 0; i < key.columns().size(); i++) {
      if (!sameBound(left.keys().get(i), leftAggregate(), right.keys().get(i), rightAggregate())) {
        return i;
      }
    }
    throw new IllegalStateException("window join " + id + " has no partition key");
  }

  @JsonIgnore
  public AggregateNode leftAggregate() {
    return (AggregateNode) left.input();
  }

  @JsonIgnore
  public AggregateNode rightAggregate() {
    return (AggregateNode) right.input();
  }

  /** The window both sides aggregate in. */
  @JsonIgnore
  public WindowSpec window() {
    return leftAggregate().window();
  }

  /** The name of the repartition step of a side ({@code "left"} or {@code "right"}); its topic is this plus {@code -repartition}. */
  public String repartitionName(String side) {
    return id + "-" + side;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(left.input(), right.input());
  }

  private static AggregateNode aggregate(String id, JoinSide side) {
    if (!(side.input() instanceof AggregateNode aggregate) || !aggregate.keepsPanes()
        || aggregate.keyedSource() != null) {
      throw new IllegalArgumentException("window join " + id + ": each side is an aggregation in panes of groups"
          + " more than its input's record key");
    }
    return aggregate;
  }

  /** A side left in place must be aggregated in place by its partition key column. */
  private static void inPlaceCheck(String id, JoinSide side, int partitionKey) {
    if (side.repartition() != null) {
      return;
    }
    AggregateNode aggregate = (AggregateNode) side.input();
    if (!aggregate.aggregatesInPlace() || !(side.keys().get(partitionKey) instanceof InputRef ref)
        || ref.index() != aggregate.inputPartitionKey()) {
      throw new IllegalArgumentException("window join " + id + ": a side not repartitioned must be aggregated in"
          + " place by its partition key");
    }
  }

  private static boolean sameBound(Expr leftKey, AggregateNode left, Expr rightKey, AggregateNode right) {
    int l = boundOf(leftKey, left);
    int r = boundOf(rightKey, right);
    return l >= 0 && l == r && leftKey.getClass() == rightKey.getClass() && leftKey.type().equals(rightKey.type());
  }

  /**
   * 0 if {@code key} reads {@code aggregate}'s window start, 1 its end (as {@link PlanNodes#boundColumnOf}
   * reads bounds), -1 otherwise.
   */
  private static int boundOf(Expr key, AggregateNode aggregate) {
    int column = PlanNodes.boundColumnOf(key);
    int windowStart = aggregate.schema().size() - 2;
    return column == windowStart ? 0 : column == windowStart + 1 ? 1 : -1;
  }
}

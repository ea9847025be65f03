package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.RowSchema;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.expr.Expr;
import java.util.List;

/**
 * The rows of a windowed aggregation whose column {@code valueIndex} is the greatest of their
 * window, each followed by that greatest value, the window's start and its end: what the planner
 * makes of a join of those rows with their own MAX per window, on the window bounds, filtered by
 * {@code value >= max} (Nexmark's q5). It replaces that join, with its id and schema, and computes
 * the maximum itself instead of joining it back.
 *
 * <p>Its rows are keyed by the join key it replaced ({@code keys} over the input, serialized as
 * {@code key}) and are all in one partition, as the join's were. A window's rows are written once,
 * when the greatest window end read passes the window's end plus the window's grace, as the
 * re-aggregation's maximum was; a row of a window closed before is late: dropped and counted. Rows
 * whose value is null are never the greatest.
 */
public record WindowTopNode(
    String id,
    PlanNode input,
    int valueIndex,
    List<Expr> keys,
    JoinKey key,
    WindowSpec window,
    String storeName,
    RowSchema schema)
    implements PlanNode {

  public WindowTopNode {
    keys = List.copyOf(keys);
    PlanNodes.checkWindowMaximumStep("window top " + id, input, keys, key, window, storeName, schema);
    if (valueIndex < 0 || valueIndex >= input.schema().size()) {
      throw new IllegalArgumentException("window top " + id + ": no input column " + valueIndex);
    }
    startIndex(input.schema());
    endIndex(input.schema());
  }

  /** The slot of the input's window start. */
  @JsonIgnore
  public int startIndex() {
    return startIndex(input.schema());
  }

  /** The slot of the input's window end. */
  @JsonIgnore
  public int endIndex() {
    return endIndex(input.schema());
  }

  /**
   * The name of the repartition step that brings every row to one task; its topic is this plus
   * {@code -repartition}.
   */
  @JsonIgnore
  public String repartitionName() {
    return id;
  }

  private static int startIndex(RowSchema schema) {
    return slot(schema, WindowSpec.START_COLUMN);
  }

  private static int endIndex(RowSchema schema) {
    return slot(schema, WindowSpec.END_COLUMN);
  }

  private static int slot(RowSchema schema, String name) {
    for (int i = 0; i < schema.size(); i++) {
      if (schema.column(i).name().equals(name) && schema.column(i).kind() == ColumnKind.PSEUDO) {
        return i;
      }
    }
    throw new IllegalArgumentException("a window top reads windowed rows: no " + name + " column");
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }
}

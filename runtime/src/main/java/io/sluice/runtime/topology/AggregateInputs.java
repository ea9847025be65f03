package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.AggregateInput;
import io.sluice.runtime.expr.RowProjector;
import java.util.List;

/**
 * The compiled first half of an aggregation, per row: the group-by values and the aggregate
 * argument values. One instance per processor, since it keeps the latest outcome in fields rather
 * than allocating one per row.
 */
final class AggregateInputs {

  private static final Object[] NO_ARGUMENTS = new Object[0];

  private final RowProjector groupBy;
  private final RowProjector arguments;
  private final List<String> groupNames;
  private Object[] groupValues;
  private AggregateInput input;
  private String failure;

  /**
   * @param arguments the argument expressions, or null when no aggregate has an argument
   * @param groupNames the names of the group-by columns, for reasons
   */
  AggregateInputs(RowProjector groupBy, RowProjector arguments, List<String> groupNames) {
    this.groupBy = groupBy;
    this.arguments = arguments;
    this.groupNames = groupNames;
  }

  /**
   * Computes what {@code row} contributes, or retracts; false if it cannot be aggregated, with
   * {@link #failure()} saying why: a null group-by value, or a failed expression.
   */
  boolean compute(Object[] row, boolean retraction) {
    try {
      groupValues = groupBy.apply(row);
    } catch (RuntimeException e) {
      failure = "GROUP BY: " + Reasons.of(e);
      return false;
    }
    for (int i = 0; i < groupValues.length; i++) {
      if (groupValues[i] == null) {
        failure = "GROUP BY column " + groupNames.get(i) + " is null; the row belongs to no group";
        return false;
      }
    }
    Object[] values;
    try {
      values = arguments == null ? NO_ARGUMENTS : arguments.apply(row);
    } catch (RuntimeException e) {
      failure = "aggregate argument: " + Reasons.of(e);
      return false;
    }
    input = new AggregateInput(values, retraction);
    return true;
  }

  Object[] groupValues() {
    return groupValues;
  }

  AggregateInput input() {
    return input;
  }

  String failure() {
    return failure;
  }
}

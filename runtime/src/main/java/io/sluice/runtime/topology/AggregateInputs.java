package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.AggregateInput;
import io.sluice.runtime.expr.RowPredicate;
import io.sluice.runtime.expr.RowProjector;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The compiled first half of an aggregation: what a stream row, or a table's {@link Change},
 * does to which group. A row is added to its group. A change takes its old row out of the old row's
 * group and adds its new row to the new row's group, as one input when the group stays the same
 * and as two when the row moves. A row that cannot be aggregated (a null group-by value, a failed
 * expression) is skipped; {@link #failure()} says why for a new row, while an old row's failure
 * was reported when it was new.
 *
 * <p>A stream row may first have to hold a condition: the WHERE of a filter read by nothing but
 * this aggregation, run here rather than in a processor of its own (one hop fewer per row). A row
 * the condition fails on is skipped, and {@link #conditionFailure()} says why, for the filter's
 * processing log; the rows it holds for are counted as the filter's output.
 *
 * <p>One instance per processor: the outcome of the latest {@link #compute} is kept in fields
 * rather than allocated per record.
 */
final class AggregateInputs {

  private static final Object[] NO_ARGUMENTS = new Object[0];

  private final RowProjector groupBy;
  private final RowProjector arguments;
  private final List<String> groupNames;
  private final RowPredicate condition;
  private final LongAdder passed;
  private final Object[][] groups = new Object[2][];
  private final AggregateInput[] inputs = new AggregateInput[2];
  private Object[] groupValues;
  private Object[] argumentValues;
  private String failure;
  private String conditionFailure;

  /**
   * Inputs of the rows (of a stream: those that hold {@code condition} first, counting them in
   * {@code passed}).
   *
   * @param arguments the argument expressions, or null when no aggregate has an argument
   * @param groupNames the names of the group-by columns, for reasons
   * @param condition a fused filter's condition, or null for none
   */
  AggregateInputs(RowProjector groupBy, RowProjector arguments, List<String> groupNames, RowPredicate condition,
      LongAdder passed) {
    this.groupBy = groupBy;
    this.arguments = arguments;
    this.groupNames = groupNames;
    this.condition = condition;
    this.passed = passed;
  }

  /** Computes the inputs of a row or change; returns how many there are (0 to 2). */
  int compute(Object value) {
    failure = null;
    conditionFailure = null;
    if (!(value instanceof Change change)) {
      Object[] row = (Object[]) value;
      if (condition != null && !holds(row)) {
        return 0;
      }
      return evaluate(row) ? set(0, groupValues, AggregateInput.adding(argumentValues)) : 0;
    }
    Object[] oldGroup = null;
    Object[] oldArguments = null;
    if (change.oldRow() != null && evaluate(change.oldRow())) {
      oldGroup = groupValues;
      oldArguments = argumentValues;
    }
    failure = null;
    boolean added = change.newRow() != null && evaluate(change.newRow());
    if (!added) {
      return oldGroup == null ? 0 : set(0, oldGroup, new AggregateInput(oldArguments, null));
    }
    if (oldGroup == null) {
      return set(0, groupValues, AggregateInput.adding(argumentValues));
    }
    if (Arrays.deepEquals(oldGroup, groupValues)) {
      return set(0, groupValues, new AggregateInput(oldArguments, argumentValues));
    }
    set(0, oldGroup, new AggregateInput(oldArguments, null));
    return set(1, groupValues, AggregateInput.adding(argumentValues));
  }

  /** The group-by values of input {@code i} of the latest {@link #compute}. */
  Object[] group(int i) {
    return groups[i];
  }

  AggregateInput input(int i) {
    return inputs[i];
  }

  /** Why the latest new row could not be aggregated, or null. */
  String failure() {
    return failure;
  }

  /** Why the condition could not be evaluated on the latest row, or null. */
  String conditionFailure() {
    return conditionFailure;
  }

  private boolean holds(Object[] row) {
    try {
      if (!condition.test(row)) {
        return false;
      }
    } catch (RuntimeException e) {
      conditionFailure = "condition: " + Reasons.of(e);
      return false;
    }
    passed.increment();
    return true;
  }

  private int set(int i, Object[] group, AggregateInput input) {
    groups[i] = group;
    inputs[i] = input;
    return i + 1;
  }

  private boolean evaluate(Object[] row) {
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
    try {
      argumentValues = arguments == null ? NO_ARGUMENTS : arguments.apply(row);
    } catch (RuntimeException e) {
      failure = "aggregate argument: " + Reasons.of(e);
      return false;
    }
    return true;
  }
}

package io.sluice.runtime.aggregate;

/**
 * The state of one group (and window): one {@link Accumulator} per aggregate, and how many input
 * rows are in the group, so that a TABLE aggregation knows when its last row left.
 */
public final class AggregateState {

  private final Accumulator[] accumulators;
  private final int[] argumentOf;
  private long rows;

  AggregateState(Accumulator[] accumulators, int[] argumentOf) {
    this.accumulators = accumulators;
    this.argumentOf = argumentOf;
  }

  /** Takes the input's removed row out of the group and adds its added row; returns this state. */
  public AggregateState apply(AggregateInput input) {
    Object[] removed = input.removed();
    if (removed != null) {
      rows--;
      for (int i = 0; i < accumulators.length; i++) {
        accumulators[i].undo(argumentOf[i] < 0 ? null : removed[argumentOf[i]]);
      }
    }
    Object[] added = input.added();
    if (added != null) {
      rows++;
      for (int i = 0; i < accumulators.length; i++) {
        accumulators[i].add(argumentOf[i] < 0 ? null : added[argumentOf[i]]);
      }
    }
    return this;
  }

  /** Folds the state of the next session into this one, which precedes it; returns this state. */
  public AggregateState merge(AggregateState later) {
    rows += later.rows;
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i].merge(later.accumulators[i]);
    }
    return this;
  }

  /** How many rows the group holds now. */
  public long rows() {
    return rows;
  }

  /** The result of aggregate {@code index}. */
  public Object result(int index) {
    return accumulators[index].result();
  }

  Accumulator[] accumulators() {
    return accumulators;
  }

  void setRows(long rows) {
    this.rows = rows;
  }
}

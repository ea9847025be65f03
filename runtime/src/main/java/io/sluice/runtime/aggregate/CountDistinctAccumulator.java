package io.sluice.runtime.aggregate;

import io.sluice.plan.DataType;

/** COUNT_DISTINCT: the exact number of distinct non-null values. */
final class CountDistinctAccumulator extends ValueCounts {

  CountDistinctAccumulator(DataType type) {
    super(type, true, Integer.MAX_VALUE);
  }

  @Override
  public Object result() {
    return (long) counts().size();
  }
}

package io.sluice.runtime.aggregate;

import io.sluice.plan.DataType;
import java.util.ArrayList;
import java.util.List;

/** COLLECT_SET: the distinct values, nulls included, in first-seen order, at most {@link Accumulators#COLLECTION_LIMIT}. */
final class CollectSetAccumulator extends ValueCounts {

  CollectSetAccumulator(DataType type) {
    super(type, false, Accumulators.COLLECTION_LIMIT);
  }

  @Override
  public Object result() {
    List<Object> values = new ArrayList<>(counts().size());
    for (Object key : counts().keySet()) {
      values.add(valueOf(key));
    }
    return values;
  }
}

package io.sluice.runtime.aggregate;

import io.sluice.plan.DataType;
import java.util.LinkedHashMap;
import java.util.Map;

/** HISTOGRAM: each distinct non-null string and how many rows had it, in first-seen order, at most {@link Accumulators#COLLECTION_LIMIT} entries. */
final class HistogramAccumulator extends ValueCounts {

  HistogramAccumulator() {
    super(DataType.STRING, true, Accumulators.COLLECTION_LIMIT);
  }

  @Override
  public Object result() {
    Map<String, Long> histogram = new LinkedHashMap<>();
    for (Map.Entry<Object, long[]> entry : counts().entrySet()) {
      histogram.put((String) entry.getKey(), entry.getValue()[0]);
    }
    return histogram;
  }
}

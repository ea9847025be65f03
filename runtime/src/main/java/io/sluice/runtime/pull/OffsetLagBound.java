package io.sluice.runtime.pull;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses a standby read of store partitions that are further behind their changelog than a
 * bound allows, with the partition and its lag in the message (ksqlDB's
 * {@code ksql.query.pull.max.allowed.offset.lag}).
 */
public final class OffsetLagBound {

  private OffsetLagBound() {}

  /**
   * Checks the lag of each partition read against {@code maxOffsetLag}.
   *
   * @param lags the offset lag of each local partition of the store, as Kafka Streams reports it
   * @param maxOffsetLag the bound; negative for none
   * @throws StoreUnavailableException naming the first partition past the bound, or one with no local copy
   */
  public static void check(String store, Map<Integer, Long> lags, Set<Integer> partitions, long maxOffsetLag) {
    if (maxOffsetLag < 0) {
      return;
    }
    for (int partition : new TreeSet<>(partitions)) {
      Long lag = lags.get(partition);
      if (lag == null) {
        throw new StoreUnavailableException("partition " + partition + " of store " + store
            + " has no copy on this node whose lag is known");
      }
      if (lag > maxOffsetLag) {
        throw new StoreUnavailableException("partition " + partition + " of store " + store + " is " + lag
            + " records behind on this standby, more than the allowed offset lag " + maxOffsetLag);
      }
    }
  }
}

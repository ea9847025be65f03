package io.sluice.runtime.pull;

import java.util.Set;

/**
 * Which local partitions of a state store a pull query reads when several nodes share the store:
 * the partitions a coordinating node gave this one, from active stores only unless standby copies
 * may answer, and then only within an offset lag bound. Key lookups skip keys of other partitions,
 * so no partition is read twice across nodes.
 *
 * @param partitions the store partitions to read
 * @param standbyAllowed true if a standby copy of a partition may answer (the active host is unreachable)
 * @param maxOffsetLag the most records a standby may be behind its changelog; negative for no bound
 */
public record ReadScope(Set<Integer> partitions, boolean standbyAllowed, long maxOffsetLag) {

  /** No bound on a standby's lag. */
  public static final long NO_LAG_BOUND = -1;

  public ReadScope {
    partitions = Set.copyOf(partitions);
  }

  /** Reads {@code partitions} from active stores only. */
  public static ReadScope active(Set<Integer> partitions) {
    return new ReadScope(partitions, false, NO_LAG_BOUND);
  }
}

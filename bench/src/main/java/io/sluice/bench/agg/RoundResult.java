package io.sluice.bench.agg;

import java.util.List;
import java.util.Optional;

/**
 * One round: both sides run one after the other on the same input, and whether their outputs agree.
 *
 * @param round counted from 1, warmup rounds included
 * @param warmup whether the round is left out of the summary
 * @param sides the sides in the order they ran
 * @param check the output comparison, present when both sides succeeded
 */
record RoundResult(int round, boolean warmup, List<SideResult> sides, Optional<OutputComparison> check) {

  SideResult side(String name) {
    return sides.stream().filter(side -> side.side().equals(name)).findFirst().orElseThrow();
  }

  boolean succeeded() {
    return sides.stream().allMatch(SideResult::succeeded) && check.map(OutputComparison::agrees).orElse(false);
  }

  /** Sluice's events per second over the baseline's; NaN unless both sides succeeded. */
  double ratio() {
    return side("sluice").eventsPerSecond() / side("baseline").eventsPerSecond();
  }

  /** The same ratio for the rates between 10% and 90% committed, which leave start-up out. */
  double steadyRatio() {
    return side("sluice").steadyEventsPerSecond() / side("baseline").steadyEventsPerSecond();
  }
}

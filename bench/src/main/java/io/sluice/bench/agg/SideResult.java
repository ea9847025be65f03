package io.sluice.bench.agg;

import java.util.Optional;

/**
 * How one side did in one round: the seconds it took to process all events, or why it failed.
 *
 * @param side {@code sluice} or {@code baseline}
 * @param seconds from starting the side until its committed offsets reached the input's end; NaN if it failed
 * @param steadyEventsPerSecond the rate between 10% and 90% committed, without start-up; NaN if unknown
 * @param error why the side failed, if it did
 */
record SideResult(String side, long events, double seconds, double steadyEventsPerSecond, Optional<String> error) {

  static SideResult measured(String side, long events, double seconds, double steadyEventsPerSecond) {
    return new SideResult(side, events, seconds, steadyEventsPerSecond, Optional.empty());
  }

  static SideResult failed(String side, long events, String error) {
    return new SideResult(side, events, Double.NaN, Double.NaN, Optional.of(error));
  }

  boolean succeeded() {
    return error.isEmpty();
  }

  /** All events over all the seconds, start-up included: the benchmark's figure. */
  double eventsPerSecond() {
    return events / seconds;
  }
}

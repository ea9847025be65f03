package io.sluice.bench.agg;

import java.util.Optional;

/**
 * How one side did in one round: the seconds it took to process all events, or why it failed.
 *
 * @param side {@code sluice} or {@code baseline}
 * @param seconds from starting the side until its committed offsets reached the input's end; NaN if it failed
 * @param error why the side failed, if it did
 */
record SideResult(String side, long events, double seconds, Optional<String> error) {

  static SideResult measured(String side, long events, double seconds) {
    return new SideResult(side, events, seconds, Optional.empty());
  }

  static SideResult failed(String side, long events, String error) {
    return new SideResult(side, events, Double.NaN, Optional.of(error));
  }

  boolean succeeded() {
    return error.isEmpty();
  }

  double eventsPerSecond() {
    return events / seconds;
  }
}

package io.sluice.bench.pull;

import java.util.Optional;

/**
 * What one load run measured: lookups answered correctly within the measured window, their rate
 * and latency percentiles (milliseconds), and the failures (wrong answers, errors).
 */
record LoadResult(
    String target, int clients, double seconds, long lookups, double perSecond,
    double p50Ms, double p99Ms, double p999Ms, double maxMs, long failures, Optional<String> firstFailure) {

  boolean succeeded() {
    return failures == 0 && lookups > 0;
  }
}

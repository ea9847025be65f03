package io.sluice.bench.nexmark.harness;

/**
 * How one side of one query did: measured, refused by Sluice, or failed.
 *
 * @param side {@code sql} or {@code hand-written}
 * @param status {@code ok}, {@code refused} or {@code failed}
 * @param message Sluice's refusal or the failure; empty when ok
 * @param seconds from starting the side until its consumer group committed the input's end offsets
 * @param steadyEventsPerSecond the rate between 10% and 90% committed, without start-up
 * @param cpuSeconds CPU time of the side's JVM over those seconds
 * @param peakMegabytes the side's JVM's peak resident memory (VmHWM), start-up included
 */
record SideOutcome(String side, String status, String message, long events, double seconds,
    double steadyEventsPerSecond, double cpuSeconds, double peakMegabytes) {

  static SideOutcome measured(String side, long events, double seconds, double steady, double cpu, double peak) {
    return new SideOutcome(side, "ok", "", events, seconds, steady, cpu, peak);
  }

  static SideOutcome refused(String side, String message) {
    return new SideOutcome(side, "refused", message, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  static SideOutcome failed(String side, String message) {
    return new SideOutcome(side, "failed", message, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  boolean ok() {
    return status.equals("ok");
  }

  /** All events over all the seconds, start-up included: the headline figure. */
  double eventsPerSecond() {
    return events / seconds;
  }
}

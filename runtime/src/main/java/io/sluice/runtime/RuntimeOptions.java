package io.sluice.runtime;

import java.time.Clock;
import java.util.Objects;

/**
 * Settings that apply to every query the runtime builds.
 *
 * @param processingLogTopic the topic that bad records are reported to; see docs/processing-log.md
 * @param clock the clock that stamps processing log records and error times
 */
public record RuntimeOptions(String processingLogTopic, Clock clock) {

  public RuntimeOptions {
    Objects.requireNonNull(processingLogTopic, "processingLogTopic");
    Objects.requireNonNull(clock, "clock");
  }

  /** Options with the system clock in UTC. */
  public RuntimeOptions(String processingLogTopic) {
    this(processingLogTopic, Clock.systemUTC());
  }
}

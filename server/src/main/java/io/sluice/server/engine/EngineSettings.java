package io.sluice.server.engine;

import io.sluice.runtime.RuntimeOptions;
import java.util.Map;

/**
 * Settings statements need: where to produce, how queries run (the processing log topic among
 * them), and the settings SHOW PROPERTIES lists.
 */
public record EngineSettings(
    String bootstrapServers, String serviceId, RuntimeOptions runtimeOptions, Map<String, String> shownProperties) {

  /** The processing log topic of a service: one per cluster of servers. */
  public static String processingLogTopic(String serviceId) {
    return "_sluice_" + serviceId + "_processing_log";
  }
}

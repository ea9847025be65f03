package io.sluice.server.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named checks that {@code /healthcheck} reports, in ksqlDB's order: metastore, kafka,
 * commandRunner. The server supplies the Kafka check; the metastore and command runner report
 * healthy until the components that own them register their own checks under those names.
 */
public final class HealthChecks {

  public static final String METASTORE = "metastore";
  public static final String KAFKA = "kafka";
  public static final String COMMAND_RUNNER = "commandRunner";

  private static final Logger LOG = LoggerFactory.getLogger(HealthChecks.class);

  private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();

  public HealthChecks(BooleanSupplier kafka) {
    checks.put(METASTORE, () -> true);
    checks.put(KAFKA, kafka);
    checks.put(COMMAND_RUNNER, () -> true);
  }

  /** Adds a check, or replaces the one with that name. Checks must answer quickly: they run per request. */
  public synchronized void register(String name, BooleanSupplier check) {
    checks.put(name, check);
  }

  /** Runs every check; one that throws counts as unhealthy. */
  public Map<String, Boolean> evaluate() {
    Map<String, BooleanSupplier> snapshot;
    synchronized (this) {
      snapshot = new LinkedHashMap<>(checks);
    }
    Map<String, Boolean> results = new LinkedHashMap<>();
    snapshot.forEach((name, check) -> results.put(name, run(name, check)));
    return results;
  }

  private static boolean run(String name, BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      LOG.warn("Health check {} failed: {}", name, e.toString());
      return false;
    }
  }
}

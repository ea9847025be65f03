package io.sluice.bench.pull;

import io.sluice.bench.Flags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one run of the pull-query benchmark, read from its command-line flags.
 *
 * @param keys distinct user ids, every one of them in the table
 * @param events events loaded before the lookups (at least {@code keys}: each key once, the rest random)
 * @param partitions the input topic's partition count
 * @param clients the concurrency levels, one set of load runs each
 * @param seconds the measured window of each load run
 * @param warmupSeconds the unmeasured lookups before each window, on the same connections
 * @param targets which lookup paths to measure besides the bare route
 * @param freshnessSeconds how long to produce events for the freshness probe (0: skip it)
 * @param freshnessRate events per second during the freshness probe
 * @param freshnessKeys how many keys the freshness probe's events go to (each polled in turn)
 * @param json where to write the results as JSON, if anywhere
 */
record PullOptions(
    int keys, long events, int partitions, List<Integer> clients, double seconds, double warmupSeconds,
    List<String> targets, double freshnessSeconds, int freshnessRate, int freshnessKeys, Optional<Path> json) {

  static final List<String> ALL_TARGETS = List.of("query-stream", "query", "jdbc");
  /** Targets measured only when asked for. */
  static final List<String> OPTIONAL_TARGETS = List.of("jdbc-apache-http");

  static final String USAGE = """
      Usage: bench/run pull [flags]
        --keys N          distinct BIGINT keys in the table (default 1000000)
        --events N        events loaded first (default 2 x keys: every key once, the rest random)
        --partitions N    input topic partitions (default 4)
        --clients A,B     concurrent clients, one keep-alive connection each (default 8,64)
        --seconds S       measured seconds per load run (default 30)
        --warmup-s S      unmeasured seconds of each path before any is measured, and again
                          before each load run (default 10)
        --targets T,...   Sluice paths to measure against the bare IQv2 route:
                          query-stream, query, jdbc (default all three), and
                          jdbc-apache-http (JDBC through Avatica's Apache HttpClient
                          transport instead of the driver's own)
        --freshness-s S   seconds of produce-to-visible probing, 0 to skip (default 30)
        --freshness-rate N  events per second produced while probing (default 1000)
        --freshness-keys N  keys those events go to, each polled over and over (default 10)
        --json FILE       also write the results as JSON to FILE (bench/run sets this)""";

  static PullOptions parse(String[] args) {
    int keys = 1_000_000;
    long events = -1;
    int partitions = 4;
    List<Integer> clients = List.of(8, 64);
    double seconds = 30;
    double warmup = 10;
    List<String> targets = ALL_TARGETS;
    double freshness = 30;
    int freshnessRate = 1_000;
    int freshnessKeys = 10;
    Path json = null;
    for (Map.Entry<String, String> pair : Flags.pairs(args)) {
      String flag = pair.getKey();
      String value = pair.getValue();
      switch (flag) {
        case "--keys" -> keys = (int) Math.min(Integer.MAX_VALUE, Flags.positive(flag, value));
        case "--events" -> events = Flags.positive(flag, value);
        case "--partitions" -> partitions = (int) Math.min(10_000, Flags.positive(flag, value));
        case "--clients" -> clients = clientList(value);
        case "--seconds" -> seconds = positiveSeconds(flag, value);
        case "--warmup-s" -> warmup = seconds(flag, value);
        case "--targets" -> targets = targetList(value);
        case "--freshness-s" -> freshness = seconds(flag, value);
        case "--freshness-rate" -> freshnessRate = (int) Math.min(100_000, Flags.positive(flag, value));
        case "--freshness-keys" -> freshnessKeys = (int) Math.min(10_000, Flags.positive(flag, value));
        case "--json" -> json = Path.of(value);
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    if (events < 0) {
      events = 2L * keys;
    }
    if (events < keys) {
      throw new IllegalArgumentException("--events must be at least --keys, so that every key is in the table");
    }
    return new PullOptions(keys, events, partitions, clients, seconds, warmup, targets, freshness, freshnessRate,
        freshnessKeys, Optional.ofNullable(json));
  }

  private static List<Integer> clientList(String value) {
    List<Integer> clients = new ArrayList<>();
    for (String part : value.split(",")) {
      clients.add((int) Math.min(4096, Flags.positive("--clients", part.trim())));
    }
    return List.copyOf(clients);
  }

  private static List<String> targetList(String value) {
    List<String> targets = new ArrayList<>();
    for (String part : value.split(",")) {
      String target = part.trim();
      if (!ALL_TARGETS.contains(target) && !OPTIONAL_TARGETS.contains(target)) {
        throw new IllegalArgumentException("unknown target '" + target + "'; known: " + ALL_TARGETS + " and "
            + OPTIONAL_TARGETS);
      }
      targets.add(target);
    }
    return List.copyOf(targets);
  }


  private static double positiveSeconds(String flag, String value) {
    double parsed = seconds(flag, value);
    if (parsed == 0) {
      throw new IllegalArgumentException(flag + " must be positive");
    }
    return parsed;
  }

  private static double seconds(String flag, String value) {
    double parsed;
    try {
      parsed = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number of seconds, not '" + value + "'");
    }
    if (!(parsed >= 0) || parsed > 86_400) {
      throw new IllegalArgumentException(flag + " is out of range: " + value);
    }
    return parsed;
  }
}

package io.sluice.bench.agg;

import io.sluice.bench.Flags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one run of the end-to-end aggregation benchmark, read from its command-line flags.
 *
 * @param events how many events to produce and process
 * @param keys how many distinct user ids the events spread over
 * @param partitions the input topic's partition count
 * @param rounds measured rounds; each runs both sides once, in alternating order
 * @param warmupRounds rounds run first exactly like the measured ones, then left out of the summary
 * @param query which query both sides run
 * @param sampleKeys how many user ids to compare between the two sides' outputs
 * @param compression the input producer's compression type (both sides read the same data)
 * @param timeout how long one side may take to process the input before it counts as failed
 * @param json where to write the results as JSON, if anywhere
 */
record BenchOptions(
    long events, int keys, int partitions, int rounds, int warmupRounds, BenchQuery query, int sampleKeys,
    String compression, Duration timeout, Optional<Path> json) {

  static final String USAGE = """
      Usage: bench/run aggregation [flags]
        --events N        events to produce and process (default 5000000)
        --keys N          distinct user ids (default 100000)
        --partitions N    input topic partitions (default 4)
        --rounds N        measured rounds, each running both sides, order alternating (default 1)
        --warmup N        unreported rounds run first (default 0)
        --query Q         aggregate: tumbling-window COUNT/SUM per user (default);
                          filter: a stateless WHERE and projection, to check the harness itself
        --sample-keys N   user ids whose final outputs must agree between the sides (default 1000)
        --compression C   input producer compression: lz4 (default), none, ...
        --timeout-s N     seconds one side may take before it counts as failed (default 900)
        --json FILE       also write the results as JSON to FILE (bench/run sets this)""";

  static BenchOptions parse(String[] args) {
    long events = 5_000_000;
    int keys = 100_000;
    int partitions = 4;
    int rounds = 1;
    int warmup = 0;
    BenchQuery query = BenchQuery.AGGREGATE;
    int sampleKeys = 1_000;
    String compression = "lz4";
    long timeoutSeconds = 900;
    Path json = null;
    for (Map.Entry<String, String> pair : Flags.pairs(args)) {
      String flag = pair.getKey();
      String value = pair.getValue();
      switch (flag) {
        case "--events" -> events = positiveLong(flag, value);
        case "--keys" -> keys = (int) positiveLong(flag, value);
        case "--partitions" -> partitions = (int) positiveLong(flag, value);
        case "--rounds" -> rounds = (int) positiveLong(flag, value);
        case "--warmup" -> warmup = (int) nonNegativeLong(flag, value);
        case "--query" -> query = BenchQuery.named(value);
        case "--sample-keys" -> sampleKeys = (int) positiveLong(flag, value);
        case "--compression" -> compression = value;
        case "--timeout-s" -> timeoutSeconds = positiveLong(flag, value);
        case "--json" -> json = Path.of(value);
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    return new BenchOptions(events, keys, partitions, rounds, warmup, query, Math.min(sampleKeys, keys),
        compression, Duration.ofSeconds(timeoutSeconds), Optional.ofNullable(json));
  }

  private static long positiveLong(String flag, String value) {
    long parsed = nonNegativeLong(flag, value);
    if (parsed == 0) {
      throw new IllegalArgumentException(flag + " must be positive");
    }
    return parsed;
  }

  private static long nonNegativeLong(String flag, String value) {
    long parsed = Flags.wholeNumber(flag, value);
    if (parsed < 0 || parsed > Integer.MAX_VALUE && !flag.equals("--events") && !flag.equals("--timeout-s")) {
      throw new IllegalArgumentException(flag + " is out of range: " + value);
    }
    return parsed;
  }
}

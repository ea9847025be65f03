package io.sluice.bench.nexmark.harness;

import io.sluice.bench.Flags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one run of the Nexmark harness, read from its command-line flags.
 *
 * @param events how many events to load (or find loaded) and process
 * @param partitions the input topic's partition count
 * @param queries the queries to run, in order
 * @param bootstrap an external cluster; empty: the in-process broker, data kept in {@code dataDir}
 * @param rounds how many times each query's two sides run (the order alternates)
 * @param check whether to compare the SQL side's output with the twin's
 * @param heap the {@code -Xmx} of each side's JVM
 * @param timeout how long one side may take before it counts as failed
 * @param topic the input topic
 * @param dataDir the in-process broker's data directory, kept between runs
 * @param json where to write the results as JSON (the Markdown table goes beside it), if anywhere
 * @param profile where each side's JVM writes a Java Flight Recorder profile, if anywhere
 */
record NexmarkOptions(
    long events, int partitions, List<String> queries, Optional<String> bootstrap, int rounds, boolean check,
    String heap, Duration timeout, String topic, Path dataDir, Optional<Path> json, Optional<Path> profile) {

  static final List<String> ALL_QUERIES =
      List.of("q0", "q1", "q2", "q3", "q5", "q7", "q8", "q12", "q14", "q17", "q20", "q21", "q22");

  /** The largest run checked by default: both outputs are read back and compared, which takes memory and time. */
  static final long CHECK_BY_DEFAULT_UP_TO = 1_000_000;

  static final String USAGE = """
      Usage: bench/run nexmark [flags]
        --events N        events to load (or find loaded) and process (default 1000000)
        --partitions N    input topic partitions (default 4)
        --queries Q,...   queries to run (default all: q0,q1,q2,q3,q5,q7,q8,q12,q14,q17,q20,q21,q22)
        --bootstrap H:P   use this Kafka cluster instead of the in-process broker
        --rounds N        runs of each query's two sides, the order alternating; the
                          report gives each query's median ratio (default 3: single runs
                          on a shared 2-core machine move by 5 to 30%)
        --check B         compare the SQL output with the hand-written one: true or false
                          (default true up to 1000000 events)
        --heap SIZE       -Xmx of each side's JVM (default 2g)
        --timeout-s N     seconds one side may take before it counts as failed (default 900)
        --topic T         the input topic (default nexmark)
        --data-dir DIR    the in-process broker's data, kept for later runs
                          (bench/run passes bench/data/nexmark; default ./nexmark-data)
        --json FILE       write the results as JSON to FILE and as Markdown beside it (bench/run sets this)
        --profile DIR     record each side with Java Flight Recorder (settings=profile) into
                          DIR/<query>-r<round>-<side>.jfr; read with `jfr print` or JDK Mission Control""";

  static NexmarkOptions parse(String[] args) {
    long events = 1_000_000;
    int partitions = 4;
    List<String> queries = ALL_QUERIES;
    String bootstrap = null;
    int rounds = 3;
    Boolean check = null;
    String heap = "2g";
    long timeoutSeconds = 900;
    String topic = "nexmark";
    Path dataDir = Path.of("nexmark-data");
    Path json = null;
    Path profile = null;
    for (Map.Entry<String, String> pair : Flags.pairs(args)) {
      String flag = pair.getKey();
      String value = pair.getValue();
      switch (flag) {
        case "--events" -> events = Flags.positive(flag, value);
        case "--partitions" -> partitions = (int) Math.min(Flags.positive(flag, value), 10_000);
        case "--queries" -> queries = queryList(value);
        case "--bootstrap" -> bootstrap = value;
        case "--rounds" -> rounds = (int) Math.min(Flags.positive(flag, value), 100);
        case "--check" -> check = bool(flag, value);
        case "--heap" -> heap = heap(value);
        case "--timeout-s" -> timeoutSeconds = Flags.positive(flag, value);
        case "--topic" -> topic = value;
        case "--data-dir" -> dataDir = Path.of(value);
        case "--json" -> json = Path.of(value);
        case "--profile" -> profile = Path.of(value);
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    return new NexmarkOptions(events, partitions, queries, Optional.ofNullable(bootstrap), rounds,
        check == null ? events <= CHECK_BY_DEFAULT_UP_TO : check, heap, Duration.ofSeconds(timeoutSeconds), topic,
        dataDir, Optional.ofNullable(json), Optional.ofNullable(profile));
  }

  private static List<String> queryList(String value) {
    List<String> queries = new ArrayList<>();
    for (String part : value.split(",")) {
      String query = part.trim().toLowerCase(Locale.ROOT);
      if (!ALL_QUERIES.contains(query)) {
        throw new IllegalArgumentException(
            "unknown query '" + part.trim() + "'; known: " + String.join(",", ALL_QUERIES));
      }
      if (!queries.contains(query)) {
        queries.add(query);
      }
    }
    return List.copyOf(queries);
  }

  private static boolean bool(String flag, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(flag + " needs true or false, not '" + value + "'");
    };
  }

  private static String heap(String value) {
    if (!value.matches("[0-9]+[kKmMgG]?")) {
      throw new IllegalArgumentException("--heap needs a size such as 2g or 1536m, not '" + value + "'");
    }
    return value;
  }
}

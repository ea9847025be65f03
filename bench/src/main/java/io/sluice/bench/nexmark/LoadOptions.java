package io.sluice.bench.nexmark;

import io.sluice.bench.Flags;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one run of the Nexmark loader, read from its command-line flags.
 *
 * @param events how many events to generate and load
 * @param partitions the partition count of each topic
 * @param topic the topic, or in the flat layout the prefix of the three topics
 * @param seed the generator's seed
 * @param eventsPerSecond how fast event time advances
 * @param layout nested (Flink's, one topic) or flat (one topic per event type)
 * @param compression the producer's compression type
 * @param bootstrap an external cluster to load into; empty: the in-process broker
 * @param dataDir where the in-process broker keeps its data, kept after the run
 * @param json where to write the manifest, if anywhere (bench/run sets this)
 */
record LoadOptions(
    long events, int partitions, String topic, long seed, long eventsPerSecond, NexmarkLayout layout,
    String compression, Optional<String> bootstrap, Path dataDir, Optional<Path> json) {

  static final String USAGE = """
      Usage: bench/run nexmark-load [flags]
        --events N          events to generate and load (default 1000000; 1M to 50M is the benchmark's range)
        --partitions N      partitions of each topic (default 4)
        --topic T           the topic; in the flat layout the prefix of T-person, T-auction, T-bid (default nexmark)
        --seed S            generator seed; the same seed and count give the same records (default 42)
        --rate N            events per second of event time (default 10000, the model's 100 us between events)
        --layout L          nested: Flink Nexmark's, one topic (default); flat: one topic per event type
        --compression C     producer compression: lz4 (default), none, ...
        --bootstrap H:P     load into this Kafka cluster instead of the in-process broker
        --data-dir DIR      the in-process broker's data directory, kept for later runs
                            (bench/run passes bench/data/nexmark; default: ./nexmark-data)
        --json FILE         also write the manifest to FILE (bench/run sets this)
      A topic that exists already is deleted and loaded again.""";

  static LoadOptions parse(String[] args) {
    long events = 1_000_000;
    int partitions = 4;
    String topic = "nexmark";
    long seed = 42;
    long rate = NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND;
    NexmarkLayout layout = NexmarkLayout.NESTED;
    String compression = "lz4";
    String bootstrap = null;
    Path dataDir = Path.of("nexmark-data");
    Path json = null;
    for (Map.Entry<String, String> pair : Flags.pairs(args)) {
      String flag = pair.getKey();
      String value = pair.getValue();
      switch (flag) {
        case "--events" -> events = Flags.positive(flag, value);
        case "--partitions" -> partitions = (int) Math.min(Flags.positive(flag, value), 10_000);
        case "--topic" -> topic = value;
        case "--seed" -> seed = Flags.wholeNumber(flag, value);
        case "--rate" -> rate = Flags.positive(flag, value);
        case "--layout" -> layout = NexmarkLayout.named(value);
        case "--compression" -> compression = value;
        case "--bootstrap" -> bootstrap = value;
        case "--data-dir" -> dataDir = Path.of(value);
        case "--json" -> json = Path.of(value);
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    return new LoadOptions(events, partitions, topic, seed, rate, layout, compression, Optional.ofNullable(bootstrap),
        dataDir, Optional.ofNullable(json));
  }
}

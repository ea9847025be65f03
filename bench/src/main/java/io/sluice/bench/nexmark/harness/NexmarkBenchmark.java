package io.sluice.bench.nexmark.harness;

import io.sluice.bench.e2e.CatchUpWatch;
import io.sluice.bench.nexmark.NexmarkLoader;
import io.sluice.server.kafka.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The Nexmark benchmark ({@code bench/run nexmark}): loads the events once (or reuses a matching
 * load), measures the ceiling (a plain consumer reading them), then runs each query twice over the
 * same input, as Sluice SQL through a Sluice server and as its hand-written Kafka Streams twin, one
 * after the other, each in its own JVM and consumer group, and reports events/s, CPU seconds, peak
 * memory and whether the two outputs hold the same records. See docs/benchmarks.md.
 */
public final class NexmarkBenchmark {

  private final NexmarkOptions options;
  private final String bootstrap;
  private final Admin admin;
  private final Path workDir;
  private final String runPrefix =
      "nx" + LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HHmmss"));

  private NexmarkBenchmark(NexmarkOptions options, String bootstrap, Admin admin, Path workDir) {
    this.options = options;
    this.bootstrap = bootstrap;
    this.admin = admin;
    this.workDir = workDir;
  }

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(NexmarkOptions.USAGE);
      return;
    }
    NexmarkOptions options;
    try {
      options = NexmarkOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("nexmark: " + e.getMessage());
      System.err.println(NexmarkOptions.USAGE);
      System.exit(2);
      return;
    }
    int status = 1;
    Path workDir = Files.createTempDirectory("sluice-nexmark");
    try {
      if (options.bootstrap().isPresent()) {
        status = run(options, options.bootstrap().get(), workDir);
      } else {
        Path kafkaDir = options.dataDir().resolve("kafka").toAbsolutePath();
        NexmarkLoader.removeDeletedPartitions(kafkaDir);
        try (EmbeddedKafka broker = new EmbeddedKafka(kafkaDir, 0, Map.of("log.retention.ms", "-1"))) {
          broker.start();
          System.out.println("in-process broker at " + broker.bootstrapServers() + ", data in " + kafkaDir);
          status = run(options, broker.bootstrapServers(), workDir);
        }
      }
    } catch (Exception e) {
      System.err.println("nexmark failed:");
      e.printStackTrace();
    } finally {
      deleteRecursively(workDir);
    }
    // Kafka can leave non-daemon threads behind after a failure; the results are written by now.
    System.exit(status);
  }

  private static int run(NexmarkOptions options, String bootstrap, Path workDir) throws Exception {
    try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      return new NexmarkBenchmark(options, bootstrap, admin, workDir).run();
    }
  }

  private int run() throws Exception {
    if (options.profile().isPresent()) {
      Files.createDirectories(options.profile().get());
    }
    System.out.printf("Nexmark: %,d events, %d partitions, queries %s, %d round(s), check %s; %s%n",
        options.events(), options.partitions(), String.join(",", options.queries()), options.rounds(),
        options.check() ? "on" : "off", NexmarkReport.machine());
    boolean loaded = NexmarkLoader.loadUnlessPresent(bootstrap, options.bootstrap().isEmpty(), options.dataDir(),
        options.topic(), options.events(), options.partitions());
    System.out.println(loaded ? "loaded the events" : "reusing the events loaded earlier in topic " + options.topic());
    CatchUpWatch watch = new CatchUpWatch(admin, endOffsets());
    double ceiling = Ceiling.eventsPerSecond(bootstrap, options.topic());
    System.out.printf("ceiling: a plain KafkaConsumer reads %,.0f events/s%n", ceiling);
    List<QueryResult> results = new ArrayList<>();
    for (String query : options.queries()) {
      for (int round = 1; round <= options.rounds(); round++) {
        results.add(runQuery(query, round, watch));
      }
    }
    NexmarkReport report = new NexmarkReport(options, ceiling, loaded, results);
    System.out.println();
    System.out.print(report.markdown());
    if (options.json().isPresent()) {
      report.write(options.json().get());
    }
    boolean good = results.stream().allMatch(r -> !r.sql().status().equals("failed")
        && r.handWritten().ok() && r.check().map(OutputMultiset.Comparison::equal).orElse(true));
    return good ? 0 : 1;
  }

  /** Both sides of one query (the SQL side first in odd rounds), their outputs compared, then their topics deleted. */
  private QueryResult runQuery(String query, int round, CatchUpWatch watch) throws Exception {
    String prefix = runPrefix + "-" + query + "-r" + round;
    ChildSide sql = side("sql", "sql", query, round, prefix);
    ChildSide twin = side("hand-written", "twin", query, round, prefix);
    SideOutcome sqlOutcome = null;
    SideOutcome twinOutcome = null;
    for (ChildSide side : round % 2 == 1 ? List.of(sql, twin) : List.of(twin, sql)) {
      System.out.printf("%s round %d: %s%n", query, round, side.name());
      SideOutcome outcome = measure(side, watch);
      System.out.println("  " + describe(outcome));
      if (side == sql) {
        sqlOutcome = outcome;
      } else {
        twinOutcome = outcome;
      }
    }
    Optional<OutputMultiset.Comparison> check = Optional.empty();
    if (options.check() && sqlOutcome.ok() && twinOutcome.ok()) {
      OutputMultiset.Comparison comparison = OutputMultiset.compare(
          OutputMultiset.read(bootstrap, sql.outputTopic()), OutputMultiset.read(bootstrap, twin.outputTopic()));
      System.out.printf("  outputs %s: %,d SQL records, %,d hand-written%n",
          comparison.equal() ? "equal" : "DIFFER", comparison.sqlRecords(), comparison.twinRecords());
      comparison.examples().forEach(example -> System.out.println("    " + example));
      check = Optional.of(comparison);
    }
    deleteTopics(prefix);
    return new QueryResult(query, round, sqlOutcome, twinOutcome, check);
  }

  private ChildSide side(String name, String side, String query, int round, String prefix) {
    String serviceId = prefix + "-" + side;
    Optional<Path> recording = options.profile().map(dir -> dir.resolve(query + "-r" + round + "-" + side + ".jfr"));
    return new ChildSide(name, options.heap(), side, query, bootstrap, options.topic(), serviceId + "-out",
        options.partitions(), serviceId, workDir.resolve(serviceId), recording);
  }

  private SideOutcome measure(ChildSide side, CatchUpWatch watch) {
    try (side) {
      side.prepare();
      long start = System.nanoTime();
      String group = side.start();
      double started = (System.nanoTime() - start) / 1e9;
      CatchUpWatch.CatchUp caughtUp = watch.awaitCaughtUp(side, group, start, options.timeout());
      System.out.printf("  %-12s start-up: query started after %.2f s, first events committed after %.2f s%n",
          side.name(), started, (caughtUp.firstCommitNanoTime() - start) / 1e9);
      // Read before the side is told to stop, so that shutting down is not counted.
      double cpu = side.cpuSecondsSinceStart();
      double peak = side.peakMegabytes();
      System.out.printf("  %-12s stream thread: %s of its time%n", side.name(), side.streamThreadTime());
      return SideOutcome.measured(side.name(), options.events(), (caughtUp.nanoTime() - start) / 1e9,
          caughtUp.steadyEventsPerSecond(), cpu, peak);
    } catch (ChildSide.Refused e) {
      return SideOutcome.refused(side.name(), e.getMessage());
    } catch (Exception e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      return SideOutcome.failed(side.name(), message + " (log: " + side.log() + ")");
    }
  }

  private static String describe(SideOutcome outcome) {
    return switch (outcome.status()) {
      case "ok" -> String.format("%,d events in %.2f s: %,.0f events/s (%,.0f from 10%% to 90%%), %.1f CPU s,"
              + " peak %.0f MB", outcome.events(), outcome.seconds(), outcome.eventsPerSecond(),
          outcome.steadyEventsPerSecond(), outcome.cpuSeconds(), outcome.peakMegabytes());
      case "refused" -> "refused: " + outcome.message();
      default -> "failed: " + outcome.message();
    };
  }

  private Map<TopicPartition, Long> endOffsets() throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int p = 0; p < options.partitions(); p++) {
      request.put(new TopicPartition(options.topic(), p), OffsetSpec.latest());
    }
    return admin.listOffsets(request).all().get(60, TimeUnit.SECONDS).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
  }

  /** Deletes every topic of one query's round: outputs, and internal topics (named after the sides' service ids). */
  private void deleteTopics(String prefix) throws Exception {
    Set<String> topics = admin.listTopics().names().get(60, TimeUnit.SECONDS).stream()
        .filter(name -> name.contains(prefix))
        .collect(Collectors.toSet());
    if (!topics.isEmpty()) {
      admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

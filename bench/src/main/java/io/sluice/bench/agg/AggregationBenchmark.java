package io.sluice.bench.agg;

import io.sluice.bench.BenchLauncher;
import io.sluice.bench.e2e.CatchUpWatch;
import io.sluice.bench.e2e.Contender;
import io.sluice.server.kafka.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The end-to-end aggregation benchmark ({@code bench/run aggregation}): produces a backlog of
 * events into an embedded broker, then has Sluice and a hand-written Kafka Streams topology each
 * process all of it, one after the other, and reports both throughputs, their ratio and whether
 * their outputs agree. See docs/benchmarks.md.
 */
public final class AggregationBenchmark {

  private static final String INPUT_TOPIC = "bench-events";

  private final BenchOptions options;
  private final String bootstrapServers;
  private final Admin admin;
  private final Path workDir;

  private AggregationBenchmark(BenchOptions options, String bootstrapServers, Admin admin, Path workDir) {
    this.options = options;
    this.bootstrapServers = bootstrapServers;
    this.admin = admin;
    this.workDir = workDir;
  }

  public static void main(String[] args) throws Exception {
    BenchLauncher.main("aggregation", args, BenchOptions.USAGE, BenchOptions::parse,
        (options, bootstrapServers, admin, workDir) -> new AggregationBenchmark(options, bootstrapServers, admin, workDir).run());
  }

  private int run() throws Exception {
    System.out.printf("query %s, %,d events over %,d keys, %d partitions, %s compression, %d warmup + %d rounds,"
            + " %d processors, max heap %d MB%n",
        options.query().flagName(), options.events(), options.keys(), options.partitions(), options.compression(),
        options.warmupRounds(), options.rounds(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    Map<TopicPartition, Long> endOffsets = produceInput();
    CatchUpWatch watch = new CatchUpWatch(admin, endOffsets);
    Set<Long> sampledUsers = EventProducer.sampleUsers(options.keys(), options.sampleKeys());
    List<RoundResult> rounds = new ArrayList<>();
    int total = options.warmupRounds() + options.rounds();
    for (int round = 1; round <= total; round++) {
      rounds.add(runRound(round, round <= options.warmupRounds(), watch, sampledUsers));
    }
    ResultReport report = new ResultReport(options, rounds);
    report.print(System.out);
    if (options.json().isPresent()) {
      report.writeJson(options.json().get());
    }
    return rounds.stream().allMatch(RoundResult::succeeded) ? 0 : 1;
  }

  private Map<TopicPartition, Long> produceInput() throws Exception {
    new Topics(admin).create(INPUT_TOPIC, options.partitions(), (short) 1, Map.of());
    long start = System.nanoTime();
    EventProducer.produce(clientConfig(), INPUT_TOPIC, options.events(), options.keys(), options.compression());
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<TopicPartition, OffsetSpec> request = IntStream.range(0, options.partitions())
        .mapToObj(partition -> new TopicPartition(INPUT_TOPIC, partition))
        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest =
        admin.listOffsets(request).all().get(60, TimeUnit.SECONDS);
    Map<TopicPartition, Long> endOffsets = latest.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    long written = endOffsets.values().stream().mapToLong(Long::longValue).sum();
    if (written != options.events()) {
      throw new IllegalStateException("the input topic holds " + written + " events, not " + options.events());
    }
    System.out.printf("produced %,d events in %.1f s (%,.0f events/s), per partition %s%n",
        written, seconds, written / seconds, endOffsets.values());
    return endOffsets;
  }

  /** Runs both sides, the baseline first in odd rounds and Sluice first in even ones, then compares their outputs. */
  private RoundResult runRound(int round, boolean warmup, CatchUpWatch watch, Set<Long> sampledUsers)
      throws IOException {
    String prefix = "bench-r" + round;
    Contender sluice = new SluiceContender(bootstrapServers, workDir.resolve(prefix + "-sluice"), prefix + "-sluice",
        options.query(), INPUT_TOPIC, prefix + "-sluice-out");
    Contender baseline = new BaselineContender(bootstrapServers, admin, workDir.resolve(prefix + "-baseline"),
        prefix + "-baseline", options.partitions(), options.query(), INPUT_TOPIC, prefix + "-baseline-out");
    List<Contender> order = round % 2 == 1 ? List.of(baseline, sluice) : List.of(sluice, baseline);
    List<SideResult> sides = new ArrayList<>();
    for (Contender side : order) {
      System.out.printf("round %d%s: %s%n", round, warmup ? " (warmup)" : "", side.name());
      SideResult result = measure(side, watch);
      System.out.println(result.succeeded()
          ? String.format("  %-8s %,d events in %.2f s: %,.0f events/s (%,.0f events/s from 10%% to 90%%)",
              side.name(), result.events(), result.seconds(), result.eventsPerSecond(), result.steadyEventsPerSecond())
          : "  " + side.name() + " failed: " + result.error().orElseThrow());
      sides.add(result);
    }
    Optional<OutputComparison> check = Optional.empty();
    if (sides.stream().allMatch(SideResult::succeeded)) {
      OutputSample baselineOutput = OutputSample.read(clientConfig(), baseline.outputTopic(), sampledUsers);
      OutputSample sluiceOutput = OutputSample.read(clientConfig(), sluice.outputTopic(), sampledUsers);
      System.out.printf("  output records: baseline %,d, sluice %,d%n", baselineOutput.records(), sluiceOutput.records());
      check = Optional.of(OutputComparison.of(baselineOutput, sluiceOutput));
    }
    return new RoundResult(round, warmup, sides, check);
  }

  private SideResult measure(Contender side, CatchUpWatch watch) {
    try (side) {
      side.prepare();
      long start = System.nanoTime();
      String group = side.start();
      CatchUpWatch.CatchUp caughtUp = watch.awaitCaughtUp(side, group, start, options.timeout());
      return SideResult.measured(
          side.name(), options.events(), (caughtUp.nanoTime() - start) / 1e9, caughtUp.steadyEventsPerSecond());
    } catch (Exception e) {
      return SideResult.failed(side.name(), options.events(), e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private Map<String, Object> clientConfig() {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
  }
}

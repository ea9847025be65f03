package io.sluice.bench.pull;

import io.sluice.bench.BenchLauncher;
import io.sluice.bench.SluiceRest;
import io.sluice.server.SluiceServer;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.kafka.Topics;
import io.sluice.server.query.StreamsProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * The pull-query load test ({@code bench/run pull}): loads a table of counts per key into Sluice
 * and into a hand-written Kafka Streams app served by a bare IQv2 route, then measures key lookups
 * against both under closed-loop load from concurrent keep-alive clients, and finally how soon a
 * produced event shows in Sluice's pull query. See docs/benchmarks.md.
 */
public final class PullBenchmark {

  private static final String TOPIC = "bench-pull-events";

  private final PullOptions options;
  private final String bootstrapServers;
  private final Admin admin;
  private final Path workDir;

  private PullBenchmark(PullOptions options, String bootstrapServers, Admin admin, Path workDir) {
    this.options = options;
    this.bootstrapServers = bootstrapServers;
    this.admin = admin;
    this.workDir = workDir;
  }

  public static void main(String[] args) throws Exception {
    BenchLauncher.main("pull", args, PullOptions.USAGE, PullOptions::parse,
        (options, bootstrapServers, admin, workDir) -> new PullBenchmark(options, bootstrapServers, admin, workDir).run());
  }

  private int run() throws Exception {
    System.out.printf("%,d keys, %,d events, %d partitions, clients %s, %.0f s warmup + %.0f s per run,"
            + " %d processors, max heap %d MB, load average %s%n",
        options.keys(), options.events(), options.partitions(), options.clients(), options.warmupSeconds(),
        options.seconds(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        MachineLoad.averages());
    new Topics(admin).create(TOPIC, options.partitions(), (short) 1, Map.of());
    long start = System.nanoTime();
    int[] counts = KeyedEvents.produce(clientConfig(), TOPIC, options.keys(), options.events());
    Map<TopicPartition, Long> endOffsets = ConsumedWatch.endOffsets(admin, TOPIC);
    System.out.printf("produced %,d events in %.1f s%n", options.events(), (System.nanoTime() - start) / 1e9);

    SluiceConfig config = SluiceConfig.of(Map.of(
        SluiceConfig.REST_PORT, "0",
        SluiceConfig.BOOTSTRAP_SERVERS, bootstrapServers,
        SluiceConfig.SERVICE_ID, "bench-pull-sluice",
        SluiceConfig.DATA_DIR, workDir.resolve("sluice").toString()));
    List<LoadResult> results = new ArrayList<>();
    FreshnessProbe.Result freshness = null;
    double sluiceLoadSeconds;
    double baselineLoadSeconds;
    try (SluiceServer server = SluiceServer.start(config);
        BareLookupService bare = new BareLookupService(bootstrapServers, workDir.resolve("baseline"), TOPIC,
            options.partitions())) {
      URI sluiceUrl = URI.create(server.restUrl());
      ConsumedWatch watch = new ConsumedWatch(admin, endOffsets);
      long loadStart = System.nanoTime();
      SluiceRest.ksql(server.restUrl(), PullStatements.source(TOPIC));
      String queryId = SluiceRest.ksql(server.restUrl(), PullStatements.table()).path(0).path("commandStatus").path("queryId").asText("");
      if (queryId.isEmpty()) {
        throw new IllegalStateException("Sluice started no query for " + PullStatements.table());
      }
      watch.await("sluice", StreamsProperties.applicationId(config, queryId), Duration.ofMinutes(30));
      sluiceLoadSeconds = (System.nanoTime() - loadStart) / 1e9;
      System.out.printf("sluice: table %s loaded in %.1f s%n", PullStatements.TABLE, sluiceLoadSeconds);
      loadStart = System.nanoTime();
      watch.await("baseline", bare.start(), Duration.ofMinutes(30));
      baselineLoadSeconds = (System.nanoTime() - loadStart) / 1e9;
      System.out.printf("baseline: store loaded in %.1f s%n", baselineLoadSeconds);
      URI bareUrl = bare.serve();

      String jdbcUrl = "jdbc:sluice://" + sluiceUrl.getHost() + ":" + sluiceUrl.getPort();
      List<LookupTarget> targets = new ArrayList<>();
      targets.add(HttpLookupTarget.bare(bareUrl));
      for (String name : options.targets()) {
        targets.add(switch (name) {
          case "query-stream" -> HttpLookupTarget.queryStream(sluiceUrl, PullStatements.TABLE);
          case "query" -> HttpLookupTarget.query(sluiceUrl, PullStatements.TABLE);
          case "jdbc" -> JdbcLookupTarget.driver(jdbcUrl, PullStatements.TABLE);
          case "jdbc-apache-http" -> JdbcLookupTarget.apacheHttpClient(jdbcUrl, PullStatements.TABLE);
          default -> throw new IllegalArgumentException(name);
        });
      }
      for (int clients : options.clients()) {
        // Every path is warmed once before any is measured, so that no path's figures depend on
        // its place in the order (the first Sluice path would otherwise pay for JIT-compiling
        // the server code the others then share).
        for (LookupTarget target : targets) {
          LoadResult warm = new LoadRun(target, counts, clients, 0, options.warmupSeconds()).run();
          System.out.printf("  %-22s %3d clients: warmed up (%,.0f lookups/s)%n", warm.target(), clients,
              warm.perSecond());
        }
        for (LookupTarget target : targets) {
          String loadBefore = MachineLoad.averages();
          LoadResult result =
              new LoadRun(target, counts, clients, options.warmupSeconds(), options.seconds()).run();
          results.add(result);
          System.out.printf("  %-22s %3d clients: %,9.0f lookups/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms,"
                  + " %d failures (load average before %s)%n", result.target(), clients, result.perSecond(),
              result.p50Ms(), result.p99Ms(), result.p999Ms(), result.failures(), loadBefore);
          result.firstFailure().ifPresent(failure -> System.out.println("    first failure: " + failure));
        }
      }
      if (options.freshnessSeconds() > 0) {
        System.out.printf("freshness: %d events/s to %d keys for %.0f s%n", options.freshnessRate(),
            options.freshnessKeys(), options.freshnessSeconds());
        freshness = new FreshnessProbe(clientConfig(), TOPIC, HttpLookupTarget.queryStream(sluiceUrl,
            PullStatements.TABLE), counts).run(options.freshnessSeconds(), options.freshnessRate(),
            options.freshnessKeys());
      }
    }
    PullReport report = new PullReport(options, sluiceLoadSeconds, baselineLoadSeconds, results, freshness,
        MachineLoad.averages());
    report.print(System.out);
    if (options.json().isPresent()) {
      report.writeJson(options.json().get());
    }
    return report.succeeded() ? 0 : 1;
  }

  private Map<String, Object> clientConfig() {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
  }
}

package io.sluice.bench.pull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prints the pull benchmark's results as a table, checks them against issue 4's targets and writes them as JSON. */
final class PullReport {

  /** The concurrency the targets are set at. */
  static final int TARGET_CLIENTS = 8;
  static final double TARGET_RATIO = 0.8;
  static final double TARGET_PER_SECOND = 12_000;
  static final double TARGET_P99_MS = 3;
  static final double TARGET_JDBC_RATIO = 0.7;

  private final PullOptions options;
  private final double sluiceLoadSeconds;
  private final double baselineLoadSeconds;
  private final List<LoadResult> results;
  private final FreshnessProbe.Result freshness;
  private final String loadAfter;

  PullReport(PullOptions options, double sluiceLoadSeconds, double baselineLoadSeconds, List<LoadResult> results,
      FreshnessProbe.Result freshness, String loadAfter) {
    this.options = options;
    this.sluiceLoadSeconds = sluiceLoadSeconds;
    this.baselineLoadSeconds = baselineLoadSeconds;
    this.results = List.copyOf(results);
    this.freshness = freshness;
    this.loadAfter = loadAfter;
  }

  boolean succeeded() {
    return results.stream().allMatch(LoadResult::succeeded)
        && (freshness == null || freshness.failures() == 0 && freshness.lost() == 0);
  }

  void print(PrintStream out) {
    out.println();
    out.printf("%-22s %7s %11s %7s %8s %8s %8s %8s %8s%n",
        "target", "clients", "lookups/s", "ratio", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "failures");
    for (LoadResult result : results) {
      out.printf("%-22s %7d %,11.0f %7s %8.2f %8.2f %8.2f %8.1f %8d%n", result.target(), result.clients(),
          result.perSecond(), ratio(result).map(r -> String.format("%.3f", r)).orElse(""),
          result.p50Ms(), result.p99Ms(), result.p999Ms(), result.maxMs(), result.failures());
    }
    if (freshness != null) {
      out.printf("%nfreshness: %,d events produced, %,d seen, %d lost, %d failures; produce-to-visible p50 %.1f ms,"
              + " p99 %.1f ms, max %.1f ms (%,.0f polls/s, each key polled every %.1f ms)%n",
          freshness.produced(), freshness.seen(), freshness.lost(), freshness.failures(), freshness.p50Ms(),
          freshness.p99Ms(), freshness.maxMs(), freshness.pollsPerSecond(), freshness.pollIntervalMs());
      freshness.firstFailure().ifPresent(failure -> out.println("  first failure: " + failure));
    }
    out.println();
    targets().forEach(target -> out.println("target: " + target));
    results.forEach(result -> result.firstFailure().ifPresent(failure ->
        out.println("FAILED " + result.target() + " at " + result.clients() + " clients: " + result.failures()
            + " failures, first: " + failure)));
  }

  /** Each of issue 4's targets at {@value #TARGET_CLIENTS} clients, with the measured figure and whether it is met. */
  List<String> targets() {
    List<String> lines = new ArrayList<>();
    Optional<LoadResult> stream = find("sluice /query-stream", TARGET_CLIENTS);
    Optional<LoadResult> jdbc = find("sluice JDBC", TARGET_CLIENTS);
    for (LoadResult http : List.of(stream, find("sluice /query", TARGET_CLIENTS)).stream().flatMap(Optional::stream)
        .toList()) {
      ratio(http).ifPresent(r -> lines.add(String.format("%s >= %.0f%% of the bare route: %.1f%% %s", http.target(),
          TARGET_RATIO * 100, r * 100, met(r >= TARGET_RATIO))));
      lines.add(String.format("%s >= %,.0f lookups/s: %,.0f %s", http.target(), TARGET_PER_SECOND, http.perSecond(),
          met(http.perSecond() >= TARGET_PER_SECOND)));
      lines.add(String.format("%s p99 < %.0f ms: %.2f ms %s", http.target(), TARGET_P99_MS, http.p99Ms(),
          met(http.p99Ms() < TARGET_P99_MS)));
    }
    if (stream.isPresent() && jdbc.isPresent()) {
      double r = jdbc.get().perSecond() / stream.get().perSecond();
      lines.add(String.format("sluice JDBC >= %.0f%% of /query-stream: %.1f%% %s", TARGET_JDBC_RATIO * 100, r * 100,
          met(r >= TARGET_JDBC_RATIO)));
    }
    return lines;
  }

  void writeJson(Path file) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("suite", "pull");
    json.put("finished", Instant.now().toString());
    json.put("keys", options.keys());
    json.put("events", options.events());
    json.put("partitions", options.partitions());
    json.put("warmupSeconds", options.warmupSeconds());
    json.put("seconds", options.seconds());
    json.put("tableStatement", PullStatements.table());
    json.put("lookupStatement", PullStatements.lookup(PullStatements.TABLE, 42));
    json.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    json.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    json.put("javaVersion", System.getProperty("java.version"));
    json.put("loadAverageAfter", loadAfter);
    json.put("sluiceLoadSeconds", sluiceLoadSeconds);
    json.put("baselineLoadSeconds", baselineLoadSeconds);
    List<Map<String, Object>> runs = new ArrayList<>();
    for (LoadResult result : results) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("target", result.target());
      run.put("clients", result.clients());
      run.put("lookups", result.lookups());
      run.put("lookupsPerSecond", result.perSecond());
      run.put("ratioToBareRoute", ratio(result).orElse(null));
      run.put("p50Ms", result.p50Ms());
      run.put("p99Ms", result.p99Ms());
      run.put("p999Ms", result.p999Ms());
      run.put("maxMs", result.maxMs());
      run.put("failures", result.failures());
      run.put("firstFailure", result.firstFailure().orElse(null));
      runs.add(run);
    }
    json.put("runs", runs);
    if (freshness != null) {
      Map<String, Object> fresh = new LinkedHashMap<>();
      fresh.put("eventsPerSecond", options.freshnessRate());
      fresh.put("seconds", options.freshnessSeconds());
      fresh.put("produced", freshness.produced());
      fresh.put("seen", freshness.seen());
      fresh.put("lost", freshness.lost());
      fresh.put("failures", freshness.failures());
      fresh.put("p50Ms", freshness.p50Ms());
      fresh.put("p99Ms", freshness.p99Ms());
      fresh.put("maxMs", freshness.maxMs());
      fresh.put("pollsPerSecond", freshness.pollsPerSecond());
      fresh.put("keys", options.freshnessKeys());
      fresh.put("pollIntervalMs", freshness.pollIntervalMs());
      json.put("freshness", fresh);
    }
    json.put("targets", targets());
    json.put("succeeded", succeeded());
    Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
  }

  /** A Sluice run's rate over the bare route's at the same concurrency in the same run. */
  private Optional<Double> ratio(LoadResult result) {
    if (result.target().equals(HttpLookupTarget.BARE_NAME)) {
      return Optional.empty();
    }
    return find(HttpLookupTarget.BARE_NAME, result.clients()).map(bare -> result.perSecond() / bare.perSecond());
  }

  private Optional<LoadResult> find(String target, int clients) {
    return results.stream().filter(r -> r.target().equals(target) && r.clients() == clients).findFirst();
  }

  private static String met(boolean met) {
    return met ? "MET" : "MISSED";
  }
}

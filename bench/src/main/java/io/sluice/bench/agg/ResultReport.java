package io.sluice.bench.agg;

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

/** Prints the benchmark's results as a table and writes them as JSON. */
final class ResultReport {

  /** The throughput ratio Sluice aims for against the hand-written topology. */
  static final double TARGET_RATIO = 0.9;

  private final BenchOptions options;
  private final List<RoundResult> rounds;

  ResultReport(BenchOptions options, List<RoundResult> rounds) {
    this.options = options;
    this.rounds = List.copyOf(rounds);
  }

  void print(PrintStream out) {
    out.println();
    out.printf("%-9s %-9s %12s %9s %12s %7s %14s %7s  %s%n",
        "round", "side", "events", "seconds", "events/s", "ratio", "10-90% ev/s", "ratio", "output");
    for (RoundResult round : rounds) {
      String label = round.round() + (round.warmup() ? " warmup" : "");
      for (SideResult side : round.sides()) {
        boolean sluice = side.side().equals("sluice");
        boolean bothSucceeded = round.sides().stream().allMatch(SideResult::succeeded);
        out.printf("%-9s %-9s %,12d %9s %12s %7s %14s %7s  %s%n", label, side.side(), side.events(),
            side.succeeded() ? String.format("%.2f", side.seconds()) : "-",
            side.succeeded() ? String.format("%,.0f", side.eventsPerSecond()) : "failed",
            sluice && bothSucceeded ? String.format("%.3f", round.ratio()) : "",
            side.succeeded() ? String.format("%,.0f", side.steadyEventsPerSecond()) : "-",
            sluice && bothSucceeded ? String.format("%.3f", round.steadyRatio()) : "",
            sluice ? checkSummary(round) : "");
      }
    }
    List<RoundResult> measured = measured();
    if (measured.size() > 1 && measured.stream().allMatch(RoundResult::succeeded)) {
      out.printf("%-9s %-9s %12s %9s %,12.0f %7s %,14.0f%n", "mean", "baseline", "", "",
          mean(measured, "baseline"), "", steadyMean(measured, "baseline"));
      out.printf("%-9s %-9s %12s %9s %,12.0f %7.3f %,14.0f %7.3f%n", "mean", "sluice", "", "",
          mean(measured, "sluice"), mean(measured, "sluice") / mean(measured, "baseline"),
          steadyMean(measured, "sluice"), steadyMean(measured, "sluice") / steadyMean(measured, "baseline"));
    }
    out.printf("target: sluice/baseline >= %.2f%n", TARGET_RATIO);
    for (RoundResult round : rounds) {
      round.sides().forEach(side -> side.error().ifPresent(error ->
          out.println("round " + round.round() + " " + side.side() + " failed: " + error)));
      round.check().filter(check -> !check.agrees()).ifPresent(check -> {
        out.println("round " + round.round() + ": outputs disagree on " + check.mismatchCount() + " of "
            + check.comparedKeys() + " sampled keys, for example:");
        check.examples().forEach(example -> out.println("  " + example));
      });
    }
  }

  void writeJson(Path file) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("suite", "aggregation");
    json.put("finished", Instant.now().toString());
    json.put("query", options.query().flagName());
    json.put("sluiceStatement", options.query().statement("<output>"));
    json.put("events", options.events());
    json.put("keys", options.keys());
    json.put("partitions", options.partitions());
    json.put("compression", options.compression());
    json.put("sampleKeys", options.sampleKeys());
    json.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    json.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    json.put("javaVersion", System.getProperty("java.version"));
    List<Map<String, Object>> roundsJson = new ArrayList<>();
    for (RoundResult round : rounds) {
      Map<String, Object> roundJson = new LinkedHashMap<>();
      roundJson.put("round", round.round());
      roundJson.put("warmup", round.warmup());
      List<Map<String, Object>> sides = new ArrayList<>();
      for (SideResult side : round.sides()) {
        Map<String, Object> sideJson = new LinkedHashMap<>();
        sideJson.put("side", side.side());
        sideJson.put("succeeded", side.succeeded());
        if (side.succeeded()) {
          sideJson.put("seconds", side.seconds());
          sideJson.put("eventsPerSecond", side.eventsPerSecond());
          sideJson.put("steadyEventsPerSecond", side.steadyEventsPerSecond());
        }
        side.error().ifPresent(error -> sideJson.put("error", error));
        sides.add(sideJson);
      }
      roundJson.put("sides", sides);
      if (round.sides().stream().allMatch(SideResult::succeeded)) {
        roundJson.put("ratio", round.ratio());
        roundJson.put("steadyRatio", round.steadyRatio());
      }
      round.check().ifPresent(check -> roundJson.put("outputCheck", check));
      roundsJson.add(roundJson);
    }
    json.put("rounds", roundsJson);
    List<RoundResult> measured = measured();
    if (!measured.isEmpty() && measured.stream().allMatch(RoundResult::succeeded)) {
      json.put("meanBaselineEventsPerSecond", mean(measured, "baseline"));
      json.put("meanSluiceEventsPerSecond", mean(measured, "sluice"));
      json.put("ratio", mean(measured, "sluice") / mean(measured, "baseline"));
      json.put("meanBaselineSteadyEventsPerSecond", steadyMean(measured, "baseline"));
      json.put("meanSluiceSteadyEventsPerSecond", steadyMean(measured, "sluice"));
      json.put("steadyRatio", steadyMean(measured, "sluice") / steadyMean(measured, "baseline"));
    }
    json.put("targetRatio", TARGET_RATIO);
    Files.createDirectories(file.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }

  private List<RoundResult> measured() {
    return rounds.stream().filter(round -> !round.warmup()).toList();
  }

  private static double mean(List<RoundResult> rounds, String side) {
    return rounds.stream().mapToDouble(round -> round.side(side).eventsPerSecond()).average().orElse(Double.NaN);
  }

  private static double steadyMean(List<RoundResult> rounds, String side) {
    return rounds.stream().mapToDouble(round -> round.side(side).steadyEventsPerSecond()).average().orElse(Double.NaN);
  }

  private static String checkSummary(RoundResult round) {
    return round.check()
        .map(check -> check.agrees()
            ? "agrees on " + check.comparedKeys() + " sampled keys"
            : "DISAGREES on " + check.mismatchCount() + " of " + check.comparedKeys() + " sampled keys")
        .orElse("not compared");
  }
}

package io.sluice.bench.nexmark.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of a Nexmark run, as a Markdown table and as JSON. */
final class NexmarkReport {

  private final NexmarkOptions options;
  private final double ceiling;
  private final boolean loaded;
  private final List<QueryResult> results;

  NexmarkReport(NexmarkOptions options, double ceiling, boolean loaded, List<QueryResult> results) {
    this.options = options;
    this.ceiling = ceiling;
    this.loaded = loaded;
    this.results = List.copyOf(results);
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT,
        "Nexmark, %,d events, %d partitions, each side in its own JVM (-Xmx%s); %s%n%n",
        options.events(), options.partitions(), options.heap(), machine()));
    md.append("| query | SQL events/s | hand-written events/s | SQL / hand-written | CPU s SQL | CPU s hand-written"
        + " | peak MB SQL | peak MB hand-written | outputs equal? |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (QueryResult r : results) {
      String query = options.rounds() > 1 ? r.query() + " (round " + r.round() + ")" : r.query();
      md.append("| ").append(query)
          .append(" | ").append(rate(r.sql()))
          .append(" | ").append(rate(r.handWritten()))
          .append(" | ").append(r.sql().ok() && r.handWritten().ok()
              ? String.format(Locale.ROOT, "%.2f", r.sql().eventsPerSecond() / r.handWritten().eventsPerSecond())
              : "")
          .append(" | ").append(number(r.sql(), r.sql().cpuSeconds(), "%.1f"))
          .append(" | ").append(number(r.handWritten(), r.handWritten().cpuSeconds(), "%.1f"))
          .append(" | ").append(number(r.sql(), r.sql().peakMegabytes(), "%.0f"))
          .append(" | ").append(number(r.handWritten(), r.handWritten().peakMegabytes(), "%.0f"))
          .append(" | ").append(check(r))
          .append(" |\n");
    }
    md.append(String.format(Locale.ROOT, "| ceiling: a plain KafkaConsumer reading the input | %,.0f | | | | | | | |%n",
        ceiling));
    if (options.rounds() > 1) {
      md.append(roundsSummary());
    }
    return md.toString();
  }

  /** Per query, the SQL/hand-written ratio of each round and their median, and the median CPU seconds of each side. */
  String roundsSummary() {
    Map<String, List<QueryResult>> byQuery = new LinkedHashMap<>();
    for (QueryResult r : results) {
      byQuery.computeIfAbsent(r.query(), q -> new ArrayList<>()).add(r);
    }
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
        "%nOver %d rounds:%n%n| query | SQL / hand-written per round | median | CPU s SQL, median | "
            + "CPU s hand-written, median |%n|---|---|---|---|---|%n", options.rounds()));
    for (Map.Entry<String, List<QueryResult>> query : byQuery.entrySet()) {
      List<Double> ratios = new ArrayList<>();
      List<Double> sqlCpu = new ArrayList<>();
      List<Double> twinCpu = new ArrayList<>();
      for (QueryResult r : query.getValue()) {
        if (r.sql().ok() && r.handWritten().ok()) {
          ratios.add(r.sql().eventsPerSecond() / r.handWritten().eventsPerSecond());
          sqlCpu.add(r.sql().cpuSeconds());
          twinCpu.add(r.handWritten().cpuSeconds());
        }
      }
      md.append("| ").append(query.getKey()).append(" | ")
          .append(String.join(", ", ratios.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList()))
          .append(" | ").append(median(ratios, "%.2f"))
          .append(" | ").append(median(sqlCpu, "%.1f"))
          .append(" | ").append(median(twinCpu, "%.1f")).append(" |\n");
    }
    return md.toString();
  }

  /** The median of {@code values} (the mean of the middle two for an even count), or empty for none. */
  private static String median(List<Double> values, String format) {
    if (values.isEmpty()) {
      return "";
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return String.format(Locale.ROOT, format, median);
  }

  private static String rate(SideOutcome side) {
    return switch (side.status()) {
      case "ok" -> String.format(Locale.ROOT, "%,.0f", side.eventsPerSecond());
      case "refused" -> "refused: " + cell(side.message());
      default -> "failed: " + cell(side.message());
    };
  }

  private static String number(SideOutcome side, double value, String format) {
    return side.ok() && !Double.isNaN(value) ? String.format(Locale.ROOT, format, value) : "";
  }

  private static String check(QueryResult r) {
    if (r.check().isEmpty()) {
      return r.sql().ok() && r.handWritten().ok() ? "not checked" : "";
    }
    OutputMultiset.Comparison c = r.check().get();
    return c.equal()
        ? String.format(Locale.ROOT, "yes (%,d records)", c.sqlRecords())
        : String.format(Locale.ROOT, "**no**: %,d vs %,d records, %,d only in SQL, %,d only hand-written",
            c.sqlRecords(), c.twinRecords(), c.onlySql(), c.onlyTwin());
  }

  private static String cell(String text) {
    String shortened = text.length() > 160 ? text.substring(0, 160) + "..." : text;
    return shortened.replace("|", "\\|");
  }

  static String machine() {
    String cpu = "";
    long memoryKb = 0;
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
      memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
    } catch (IOException | RuntimeException e) {
      // Not Linux: the processor count and Java version still say something.
    }
    return String.format(Locale.ROOT, "%d processors%s, %s RAM, Java %s", Runtime.getRuntime().availableProcessors(),
        cpu.isEmpty() ? "" : " (" + cpu + ")", memoryKb == 0 ? "?" : (memoryKb >> 20) + " GB",
        System.getProperty("java.version"));
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("suite", "nexmark");
    json.put("finished", Instant.now().toString());
    json.put("events", options.events());
    json.put("partitions", options.partitions());
    json.put("topic", options.topic());
    json.put("loadedThisRun", loaded);
    json.put("sideHeap", options.heap());
    json.put("machine", machine());
    json.put("ceilingEventsPerSecond", ceiling);
    List<Map<String, Object>> queries = new ArrayList<>();
    for (QueryResult r : results) {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("query", r.query());
      query.put("round", r.round());
      query.put("sql", side(r.sql()));
      query.put("handWritten", side(r.handWritten()));
      r.check().ifPresent(c -> {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("equal", c.equal());
        check.put("sqlRecords", c.sqlRecords());
        check.put("handWrittenRecords", c.twinRecords());
        check.put("onlySql", c.onlySql());
        check.put("onlyHandWritten", c.onlyTwin());
        check.put("examples", c.examples());
        query.put("check", check);
      });
      queries.add(query);
    }
    json.put("queries", queries);
    return json;
  }

  private static Map<String, Object> side(SideOutcome side) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", side.status());
    if (!side.ok()) {
      json.put("message", side.message());
      return json;
    }
    json.put("seconds", side.seconds());
    json.put("eventsPerSecond", side.eventsPerSecond());
    json.put("steadyEventsPerSecond", Double.isNaN(side.steadyEventsPerSecond()) ? null : side.steadyEventsPerSecond());
    json.put("cpuSeconds", side.cpuSeconds());
    json.put("peakMegabytes", Double.isNaN(side.peakMegabytes()) ? null : side.peakMegabytes());
    return json;
  }

  /** Writes the JSON to {@code file} and the Markdown beside it ({@code .md} for {@code .json}). */
  void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
    String name = file.getFileName().toString();
    Path md = file.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".md");
    Files.writeString(md, markdown());
  }
}

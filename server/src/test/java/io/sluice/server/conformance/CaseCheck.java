package io.sluice.server.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.RowSchema;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.SinkNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;

/** Compares what a run of a case produced with what the case expects: records per topic, schemas, processing log. */
final class CaseCheck {

  private CaseCheck() {}

  static void verify(SqlCase c, PlannedScript script, Observed observed) {
    Map<String, SinkNode> sinks = script.sinksByTopic();
    Set<String> declared = c.outputs().stream().map(ExpectedOutput::topic).collect(Collectors.toSet());
    List<Executable> checks = new ArrayList<>();
    for (Map.Entry<String, SinkNode> sink : sinks.entrySet()) {
      if (!declared.contains(sink.getKey())) {
        checks.add(() -> fail("a query writes topic " + sink.getKey() + ", but the case has no output section for it"));
      }
    }
    for (ExpectedOutput output : c.outputs()) {
      checks.add(() -> checkOutput(output, sinks.get(output.topic()), observed));
    }
    c.schemas().forEach((source, expected) -> checks.add(() -> assertEquals(
        normalize(expected), normalize(observed.sources().columns(source)), "columns of " + source)));
    c.formats().forEach((source, expected) -> checks.add(() -> assertEquals(
        normalize(expected), normalize(observed.sources().formats(source)), "formats of " + source)));
    checks.add(() -> checkLog(c.log(), observed.log()));
    assertAll(checks);
  }

  /** A schema as a case writes it: {@code NAME TYPE [KEY], ...}, key and value columns in schema order. */
  static String describe(RowSchema schema) {
    return schema.columns().stream()
        .filter(column -> column.kind() != ColumnKind.PSEUDO)
        .map(CaseCheck::describe)
        .collect(Collectors.joining(", "));
  }

  private static String describe(Column column) {
    return column.name() + " " + column.type().sql() + (column.kind() == ColumnKind.KEY ? " KEY" : "");
  }

  private static void checkOutput(ExpectedOutput output, SinkNode sink, Observed observed) {
    if (sink == null) {
      fail("the case expects records on topic " + output.topic() + ", which no query writes");
    }
    boolean withPartition = observed.partitionsKnown() && output.givesPartitions();
    List<String> expected = new ArrayList<>();
    for (ExpectedRecord record : output.records()) {
      expected.add(line(record.timestamp(), withPartition ? record.partition() : null, record.window(),
          record.key(), record.value()));
    }
    List<String> actual = new ArrayList<>();
    WindowSpec windowSpec = PlanNodes.window(sink);
    for (TopicRecord record : observed.topics().getOrDefault(output.topic(), List.of())) {
      byte[] keyBytes = record.key();
      String window = null;
      if (windowSpec != null) {
        RecordBytes.WindowedKey windowed = RecordBytes.splitWindowed(keyBytes, windowSpec);
        keyBytes = windowed.key();
        window = windowed.window();
      }
      JsonNode key = RecordBytes.keyAsJson(keyBytes, sink.schema(), sink.formats());
      JsonNode value = record.value() == null ? null : RecordBytes.valueAsJson(record.value());
      actual.add(line(record.timestamp(), withPartition ? record.partition() : null, window, key, value));
    }
    if (output.unordered() || observed.multiPartitionTopics().contains(output.topic())) {
      expected.sort(null);
      actual.sort(null);
    }
    assertEquals(String.join("\n", expected), String.join("\n", actual), "records on topic " + output.topic());
  }

  private static String line(long timestamp, Integer partition, String window, JsonNode key, JsonNode value) {
    return "@" + timestamp + (partition == null ? "" : " partition=" + partition)
        + (window == null ? "" : " window=" + window) + " " + CanonicalJson.render(key)
        + " | " + (value == null ? RecordLines.NULL_VALUE : CanonicalJson.render(value));
  }

  private static void checkLog(List<ExpectedLogEntry> expectedEntries, List<JsonNode> loggedEntries) {
    Comparator<ExpectedLogEntry> byPosition = Comparator.comparingInt(ExpectedLogEntry::partition)
        .thenComparingLong(ExpectedLogEntry::offset).thenComparing(ExpectedLogEntry::type);
    List<ExpectedLogEntry> expected = expectedEntries.stream().sorted(byPosition).toList();
    List<JsonNode> logged = loggedEntries.stream()
        .sorted(Comparator.<JsonNode>comparingInt(e -> e.path("partition").asInt())
            .thenComparingLong(e -> e.path("offset").asLong())
            .thenComparing(e -> e.path("type").asText()))
        .toList();
    boolean matches = expected.size() == logged.size();
    for (int i = 0; matches && i < expected.size(); i++) {
      ExpectedLogEntry want = expected.get(i);
      JsonNode got = logged.get(i);
      matches = want.type().equals(got.path("type").asText())
          && want.partition() == got.path("partition").asInt()
          && want.offset() == got.path("offset").asLong()
          && got.path("reason").asText().contains(want.reasonFragment());
    }
    if (!matches) {
      String wanted = expected.stream()
          .map(e -> e.type() + " offset=" + e.offset() + " partition=" + e.partition() + " | ..." + e.reasonFragment() + "...")
          .collect(Collectors.joining("\n"));
      String got = logged.stream()
          .map(e -> e.path("type").asText() + " offset=" + e.path("offset").asLong() + " partition="
              + e.path("partition").asInt() + " | " + e.path("reason").asText())
          .collect(Collectors.joining("\n"));
      assertEquals(wanted, got, "processing-log entries (expected reasons must contain the ...fragment...)");
    }
    assertTrue(matches);
  }

  private static String normalize(String description) {
    return description.strip().replaceAll("\\s+", " ").replaceAll(" ?([(),=]) ?", "$1");
  }
}

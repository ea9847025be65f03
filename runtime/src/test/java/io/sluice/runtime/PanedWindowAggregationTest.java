package io.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.PlanNodes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * A tumbling or hopping EMIT FINAL aggregation kept in panes writes exactly the records, in the
 * same order and with the same times, that the same aggregation writes from its windows through a
 * suppression buffer, over rows out of order and late, and drops and counts the same late rows;
 * and it keeps no suppression buffer.
 */
class PanedWindowAggregationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RuntimeOptions OPTIONS = new RuntimeOptions("processing_log");

  @Test
  void hoppingWindowsInPanesWriteWhatTheWindowsWrite() throws Exception {
    String aggregate = """
        {"groupBy": ["$REGION"],
         "aggregates": ["N = COUNT()", "S = SUM($AMOUNT)", "LO = MIN($AMOUNT)", "HI = MAX($NAME)", "A = AVG($AMOUNT)"],
         "window": {"type": "HOPPING", "size": 10000, "advance": 4000, "grace": 3000}, "emit": "FINAL"}""";
    List<String> windows = run(aggregate, false, 1);
    assertTrue(windows.size() > 100, "too few windows to compare: " + windows.size());
    assertEquals(windows, run(aggregate, true, 1));
  }

  @Test
  void tumblingWindowsOfTheSourceKeyInPanesWriteWhatTheWindowsWrite() throws Exception {
    String aggregate = """
        {"groupBy": ["$ID"], "aggregates": ["N = COUNT()", "HI = MAX($AMOUNT)"],
         "window": {"type": "TUMBLING", "size": 5000, "grace": 2000}, "emit": "FINAL"}""";
    List<String> windows = run(aggregate, false, 2);
    assertTrue(windows.size() > 100, "too few windows to compare: " + windows.size());
    assertFalse(windows.get(windows.size() - 1).endsWith(" 0"), "no late rows to compare");
    assertEquals(windows, run(aggregate, true, 2));
  }

  @Test
  void anAggregationInPanesKeepsOnlyItsPaneStore() throws Exception {
    String aggregate = """
        {"groupBy": ["$REGION"], "aggregates": ["N = COUNT()"],
         "window": {"type": "HOPPING", "size": 10000, "advance": 2000, "grace": 0}, "emit": "FINAL"}""";
    assertEquals(Set.of("aggregate-agg-store"),
        TestDrivers.stores(QueryTopologyBuilder.build(plan(aggregate, true), OPTIONS).topology()));
    assertEquals(Set.of("aggregate-agg-store", "aggregate-final-store"),
        TestDrivers.stores(QueryTopologyBuilder.build(plan(aggregate, false), OPTIONS).topology()));
  }

  /**
   * The aggregation's output records ("@time key", key in hex, "value"), then how many late rows it
   * dropped, for 2,000 rows of three
   * regions and seven ids, their times drifting forward from 0 (where the first hopping windows
   * start) with up to 8 s of disorder, so that some are late.
   */
  private static List<String> run(String aggregate, boolean panes, long seed) throws Exception {
    PhysicalPlan plan = plan(aggregate, panes);
    assertEquals(panes, ((AggregateNode) PlanNodes.aggregateOf(plan.root())).keepsPanes());
    BuiltQuery query = QueryTopologyBuilder.build(plan, OPTIONS);
    try (TopologyTestDriver driver = new TopologyTestDriver(query.topology(),
        TestDrivers.props("paned-window-test", TestDirs.fresh("paned-window")))) {
      TestInputTopic<String, byte[]> input = driver.createInputTopic("input", new StringSerializer(),
          (topic, value) -> value);
      Random random = new Random(seed);
      String[] regions = {"eu", "us", "apac"};
      long clock = 0;
      for (int i = 0; i < 2_000; i++) {
        clock += random.nextInt(400);
        long time = Math.max(0, clock - random.nextInt(8_000));
        String value = "{\"REGION\": \"" + regions[random.nextInt(regions.length)] + "\", \"AMOUNT\": "
            + (random.nextInt(2_000) - 500) + ", \"NAME\": \"n" + random.nextInt(50) + "\"}";
        input.pipeInput("id" + random.nextInt(7), value.getBytes(StandardCharsets.UTF_8), time);
      }
      HexFormat hex = HexFormat.of();
      List<String> written = new ArrayList<>(driver.createOutputTopic("output", new ByteArrayDeserializer(),
              new ByteArrayDeserializer())
          .readRecordsToList().stream()
          .map(r -> "@" + r.timestamp() + " " + hex.formatHex(r.key()) + " " + new String(r.value(), StandardCharsets.UTF_8))
          .toList());
      written.add("late rows dropped: " + query.stats().lateRecordsDropped());
      return written;
    }
  }

  private static PhysicalPlan plan(String aggregate, boolean panes) throws Exception {
    JsonNode step = JSON.readTree(aggregate);
    if (panes) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) step).put("panes", true);
    }
    JsonNode spec = JSON.createObjectNode()
        .<com.fasterxml.jackson.databind.node.ObjectNode>set("source", JSON.readTree(
            "{\"columns\": [\"ID STRING KEY\", \"REGION STRING\", \"AMOUNT BIGINT\", \"NAME STRING\"]}"))
        .set("steps", JSON.createArrayNode().add(JSON.createObjectNode().set("aggregate", step)));
    return new ConformanceCase("paned", spec).plan();
  }
}

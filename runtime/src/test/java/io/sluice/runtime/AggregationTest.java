package io.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.SessionWindowedSerializer;
import org.apache.kafka.streams.kstream.TimeWindowedSerializer;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.SessionWindow;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** What aggregations guarantee beyond their results: late-record counts, key bytes, names, and state that outlives a restart. */
class AggregationTest {

  private static final RuntimeOptions OPTIONS = new RuntimeOptions("processing_log");

  private static final String COUNT_BY_REGION = """
      {"source": {"columns": ["ID STRING KEY", "REGION STRING"]},
       "steps": [{"aggregate": {"groupBy": ["$REGION"], "aggregates": ["N = COUNT()"],
                                "window": {"type": "%s", "size": 1000, "grace": 100}}},
                 {"project": ["KEY REGION = $REGION", "N = $N"]}]}
      """;

  private static final String SUM_BY_ID = """
      {"source": {"columns": ["ID STRING KEY", "AMOUNT BIGINT"]},
       "steps": [{"aggregate": {"groupBy": ["$ID"], "aggregates": ["S = SUM($AMOUNT)"]}},
                 {"project": ["KEY ID = $ID", "S = $S"]}]}
      """;

  private static final String SUM_BY_ID_AND_REGION_IN_PLACE = """
      {"source": {"columns": ["ID STRING KEY", "REGION STRING", "AMOUNT BIGINT"]},
       "steps": [{"aggregate": {"groupBy": ["$ID", "$REGION"], "aggregates": ["S = SUM($AMOUNT)"],
                                "inputPartitionKey": 0}},
                 {"project": ["KEY ID = $ID", "KEY REGION = $REGION", "S = $S"]}],
       "sink": {"key": "JSON"}}
      """;

  @Test
  void groupingByTheKeyAndMoreInPlaceNeedsNoRepartitionAndWritesEveryUpdate() throws IOException {
    BuiltQuery query = QueryTopologyBuilder.build(plan(SUM_BY_ID_AND_REGION_IN_PLACE), OPTIONS);
    Topology topology = query.topology();
    assertEquals(1, topology.describe().subtopologies().size(), topology.describe().toString());
    assertEquals(Set.of(
            "source-read", "source-deserialize", "source-processing-log",
            // The aggregation in place groups its rows and makes its result rows itself: no
            // aggregate-input or aggregate-output step.
            "aggregate-processing-log", "aggregate", "aggregate-output-processing-log",
            "project-processing-log", "sink-serialize", "sink-write", "sink-processing-log"),
        names(topology));
    assertFalse(topology.describe().toString().contains("repartition"), topology.describe().toString());

    try (TopologyTestDriver driver = new TopologyTestDriver(topology,
        TestDrivers.props("aggregation-test", TestDirs.fresh("in-place")))) {
      TestInputTopic<String, String> input = input(driver);
      input.pipeInput("a", "{\"REGION\": \"eu\", \"AMOUNT\": 5}", 1000);
      input.pipeInput("a", "{\"REGION\": \"us\", \"AMOUNT\": 1}", 2000);
      input.pipeInput("a", "{\"REGION\": \"eu\", \"AMOUNT\": 2}", 500);
      input.pipeInput("a", "{\"REGION\": null, \"AMOUNT\": 9}", 600);
      input.pipeInput("b", "{\"REGION\": \"eu\", \"AMOUNT\": 3}", 3000);
      List<String> written = output(driver).stream()
          .map(r -> text(r.key()) + " " + text(r.value()) + " @" + r.timestamp()).toList();
      assertEquals(List.of(
          "{\"ID\":\"a\",\"REGION\":\"eu\"} {\"S\":5} @1000",
          "{\"ID\":\"a\",\"REGION\":\"us\"} {\"S\":1} @2000",
          "{\"ID\":\"a\",\"REGION\":\"eu\"} {\"S\":7} @1000",
          "{\"ID\":\"b\",\"REGION\":\"eu\"} {\"S\":3} @3000"), written);
      assertEquals(1, query.stats().errors(), "the row without a REGION, in the processing log");
      assertTrue(driver.producedTopicNames().contains("aggregation-test-aggregate-agg-store-changelog"),
          driver.producedTopicNames().toString());
    }
  }

  @Test
  void recordsForClosedWindowsAreDroppedAndCountedAsLate() throws IOException {
    BuiltQuery query = QueryTopologyBuilder.build(plan(COUNT_BY_REGION.formatted("TUMBLING")), OPTIONS);
    try (TopologyTestDriver driver = new TopologyTestDriver(query.topology(),
        TestDrivers.props("aggregation-test", TestDirs.fresh("late")))) {
      TestInputTopic<String, String> input = input(driver);
      input.pipeInput("a", "{\"REGION\": \"eu\"}", 100);
      input.pipeInput("a", "{\"REGION\": \"eu\"}", 2000);
      input.pipeInput("a", "{\"REGION\": \"eu\"}", 1050);
      input.pipeInput("a", "{\"REGION\": \"eu\"}", 500);
      input.pipeInput("a", "{\"REGION\": \"eu\"}", 900);
      assertEquals(2, query.stats().lateRecordsDropped());
      assertEquals(3, output(driver).size());
    }
  }

  @Test
  void windowedKeysAreWhatKafkaStreamsWindowedSerializersWrite() throws IOException {
    byte[] eu = "eu".getBytes(StandardCharsets.UTF_8);
    try (TopologyTestDriver driver = new TopologyTestDriver(
        QueryTopologyBuilder.build(plan(COUNT_BY_REGION.formatted("TUMBLING")), OPTIONS).topology(),
        TestDrivers.props("aggregation-test", TestDirs.fresh("time-keys")))) {
      input(driver).pipeInput("a", "{\"REGION\": \"eu\"}", 1500);
      byte[] expected = new TimeWindowedSerializer<>(new ByteArraySerializer())
          .serialize("output", new Windowed<>(eu, new TimeWindow(1000, 2000)));
      assertArrayEquals(expected, output(driver).get(0).key());
    }
    try (TopologyTestDriver driver = new TopologyTestDriver(
        QueryTopologyBuilder.build(plan(COUNT_BY_REGION.formatted("SESSION")), OPTIONS).topology(),
        TestDrivers.props("aggregation-test", TestDirs.fresh("session-keys")))) {
      input(driver).pipeInput("a", "{\"REGION\": \"eu\"}", 1500);
      input(driver).pipeInput("a", "{\"REGION\": \"eu\"}", 1700);
      byte[] expected = new SessionWindowedSerializer<>(new ByteArraySerializer())
          .serialize("output", new Windowed<>(eu, new SessionWindow(1500, 1700)));
      assertArrayEquals(expected, output(driver).get(2).key());
    }
  }

  @Test
  void groupingBySourceKeyNeedsNoRepartitionAndEveryNodeIsNamedFromThePlan() throws IOException {
    Topology byKey = QueryTopologyBuilder.build(plan(SUM_BY_ID), OPTIONS).topology();
    assertEquals(1, byKey.describe().subtopologies().size(), byKey.describe().toString());
    assertEquals(Set.of(
            "source-read", "source-deserialize", "source-processing-log",
            "aggregate-input", "aggregate-processing-log", "aggregate", "aggregate-to-stream",
            "aggregate-output", "aggregate-output-processing-log",
            "project-processing-log", "sink-serialize", "sink-write", "sink-processing-log"),
        names(byKey));

    Topology rekeyed = QueryTopologyBuilder.build(plan(COUNT_BY_REGION.formatted("HOPPING").replace(
        "\"grace\": 100", "\"advance\": 500")), OPTIONS).topology();
    assertEquals(2, rekeyed.describe().subtopologies().size());
    assertTrue(names(rekeyed).containsAll(Set.of("aggregate-repartition-sink", "aggregate-repartition-source")),
        names(rekeyed).toString());
    assertTrue(rekeyed.describe().toString().contains("aggregate-repartition"));
    assertFalse(rekeyed.describe().toString().contains("KSTREAM-"), rekeyed.describe().toString());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static Set<String> names(Topology topology) {
    Set<String> names = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      sub.nodes().forEach(node -> names.add(node.name()));
    }
    return names;
  }

  private static io.sluice.plan.PhysicalPlan plan(String spec) throws IOException {
    return new ConformanceCase("inline", new ObjectMapper().readTree(spec)).plan();
  }

  private static TestInputTopic<String, String> input(TopologyTestDriver driver) {
    return driver.createInputTopic("input", new StringSerializer(), new StringSerializer());
  }

  private static List<TestRecord<byte[], byte[]>> output(TopologyTestDriver driver) {
    TestOutputTopic<byte[], byte[]> out =
        driver.createOutputTopic("output", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    return out.readRecordsToList();
  }
}

package io.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.plan.PhysicalPlan;
import io.sluice.runtime.expr.ExpressionCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** What building a query guarantees beyond its output: version checks, stable names, compiling once, stream time. */
class QueryTopologyBuilderTest {

  private static final RuntimeOptions OPTIONS = new RuntimeOptions("processing_log");

  private static final String FILTER_AND_PROJECT = """
      {"source": {"columns": ["ID BIGINT KEY", "QTY INTEGER", "TS BIGINT"], "timestamp": "TS"},
       "steps": [{"filter": "(GREATER_THAN $QTY 0)"},
                 {"project": ["KEY ID = $ID", "QTY2 = (TIMES $QTY 2)"]}]}
      """;

  static PhysicalPlan plan(String spec) throws IOException {
    return new ConformanceCase("inline", new ObjectMapper().readTree(spec)).plan();
  }

  @Test
  void planFromANewerRuntimeIsRefused() throws IOException {
    PhysicalPlan current = plan(FILTER_AND_PROJECT);
    PhysicalPlan newer = new PhysicalPlan(PhysicalPlan.CURRENT_VERSION + 1, current.queryId(), current.root());
    UnsupportedPlanException e = assertThrows(UnsupportedPlanException.class, () -> QueryTopologyBuilder.build(newer, OPTIONS));
    assertTrue(e.getMessage().contains("newer than this runtime's version"), e.getMessage());
  }

  @Test
  void everyTopologyNodeIsNamedFromItsPlanNode() throws IOException {
    Topology topology = QueryTopologyBuilder.build(plan(FILTER_AND_PROJECT), OPTIONS).topology();
    Set<String> names = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      sub.nodes().forEach(node -> names.add(node.name()));
    }
    assertEquals(new TreeSet<>(List.of(
        "source-read", "source-deserialize", "source-processing-log",
        // A stream filter read only by a projection runs in the projection's processor, and a
        // projection read only by a sink in the sink's.
        "filter-processing-log", "project-processing-log",
        "sink-serialize", "sink-write", "sink-processing-log")), names);
  }

  @Test
  void aStreamFilterReadOnlyByAnAggregationRunsInItsInputStep() throws IOException {
    Topology topology = QueryTopologyBuilder.build(plan("""
        {"source": {"columns": ["ID BIGINT KEY", "REGION STRING", "QTY INTEGER"]},
         "steps": [{"filter": "(GREATER_THAN $QTY 0)"},
                   {"aggregate": {"groupBy": ["$REGION"], "aggregates": ["N = COUNT()"]}},
                   {"project": ["KEY REGION = $REGION", "N = $N"]}]}
        """), OPTIONS).topology();
    Set<String> names = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      sub.nodes().forEach(node -> names.add(node.name()));
    }
    assertTrue(names.contains("aggregate-input") && names.contains("filter-processing-log"), names.toString());
    assertFalse(names.contains("filter"), "the filter has no processor of its own: " + names);
  }

  @Test
  void expressionsAreCompiledOncePerQueryNotPerRecord() throws IOException {
    long before = ExpressionCompiler.compiledClassCount();
    BuiltQuery query = QueryTopologyBuilder.build(plan(FILTER_AND_PROJECT), OPTIONS);
    long afterBuild = ExpressionCompiler.compiledClassCount();
    assertEquals(2, afterBuild - before,
        "one class for the filter and the projection that reads it, one for the filter tried on QTY alone");

    try (TopologyTestDriver driver = new TopologyTestDriver(query.topology(), driverProps())) {
      TestInputTopic<byte[], byte[]> input =
          driver.createInputTopic("input", new ByteArraySerializer(), new ByteArraySerializer());
      for (int i = 0; i < 200; i++) {
        input.pipeInput(new byte[8], ("{\"QTY\": " + i + ", \"TS\": " + (1000 + i) + "}").getBytes(StandardCharsets.UTF_8));
      }
    }
    assertEquals(199, query.stats().recordsOut());
    assertEquals(afterBuild, ExpressionCompiler.compiledClassCount(), "no compilation while records flow");
  }

  @Test
  void streamTimeFollowsTheTimestampColumnAndABadTimestampNeitherMovesItNorIsDropped() throws IOException {
    Topology topology = QueryTopologyBuilder.build(plan(FILTER_AND_PROJECT), OPTIONS).topology();
    List<String> seen = new ArrayList<>();
    topology.addProcessor("probe", () -> new StreamTimeProbe(seen), "source-read");
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, driverProps())) {
      TestInputTopic<byte[], byte[]> input =
          driver.createInputTopic("input", new ByteArraySerializer(), new ByteArraySerializer());
      input.pipeInput(new byte[8], "{\"QTY\": 1, \"TS\": 5000}".getBytes(StandardCharsets.UTF_8), 1L);
      input.pipeInput(new byte[8], "{\"QTY\": 1, \"TS\": \"bad\"}".getBytes(StandardCharsets.UTF_8), 9000L);
      input.pipeInput(new byte[8], "not json".getBytes(StandardCharsets.UTF_8), 9000L);
      input.pipeInput(new byte[8], "{\"QTY\": 1, \"TS\": 4000}".getBytes(StandardCharsets.UTF_8), 9000L);
      input.pipeInput(new byte[8], "{\"QTY\": 1, \"TS\": 7000}".getBytes(StandardCharsets.UTF_8), 1L);
    }
    assertEquals(List.of(
        "record 5000, stream 5000",
        "record 5000, stream 5000",
        "record 5000, stream 5000",
        "record 4000, stream 5000",
        "record 7000, stream 7000"), seen);
  }

  private static Properties driverProps() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "builder-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    return props;
  }

  /** Records the timestamp each raw record got from the extractor, and the stream time then. */
  private static final class StreamTimeProbe implements Processor<byte[], byte[], Void, Void> {
    private final List<String> seen;
    private ProcessorContext<Void, Void> context;

    StreamTimeProbe(List<String> seen) {
      this.seen = seen;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      seen.add("record " + record.timestamp() + ", stream " + context.currentStreamTimeMs());
    }
  }
}

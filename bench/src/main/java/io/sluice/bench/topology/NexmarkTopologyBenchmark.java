package io.sluice.bench.topology;

import io.sluice.bench.nexmark.NexmarkEvent;
import io.sluice.bench.nexmark.NexmarkGenerator;
import io.sluice.bench.nexmark.NexmarkJson;
import io.sluice.bench.nexmark.NexmarkLayout;
import io.sluice.bench.nexmark.harness.QuerySql;
import io.sluice.bench.nexmark.twin.Keys;
import io.sluice.bench.nexmark.twin.Twins;
import io.sluice.parser.ParsedStatement;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.SqlCreateAsSelect;
import io.sluice.parser.ast.SqlCreateSource;
import io.sluice.parser.ast.SqlCreateView;
import io.sluice.plan.SourceDescriptor;
import io.sluice.planner.CatalogView;
import io.sluice.planner.ViewDefinition;
import io.sluice.planner.ddl.CreateSourcePlanner;
import io.sluice.planner.query.CreateAsSelectPlanner;
import io.sluice.planner.query.CreateViewPlanner;
import io.sluice.runtime.QueryTopologyBuilder;
import io.sluice.runtime.RuntimeOptions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What Sluice's compiled topology costs per event against the hand-written twin of the same
 * Nexmark query, without Kafka in between: both topologies run on TopologyTestDriver over the same
 * 4,096 generated events (nested JSON values, BIGINT keys, event time as the record timestamp), so
 * the figure is the compiler's own overhead (codec, operators, expressions), which the end-to-end
 * harness mixes with broker, client and start-up time. Stateless queries only: a stateful query
 * fed the same events again would see them late. Run it with {@code bench/run topology}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class NexmarkTopologyBenchmark {

  static final int BATCH = 4096;
  private static final String INPUT = "nexmark";
  private static final String OUTPUT = "out";

  @Param({"q0", "q1", "q2", "q14", "q21", "q22"})
  public String query;

  @Param({"sql", "twin"})
  public String side;

  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> in;
  private TestOutputTopic<byte[], byte[]> out;
  private final byte[][] keys = new byte[BATCH][];
  private final byte[][] values = new byte[BATCH][];
  private final long[] times = new long[BATCH];

  @Setup(Level.Trial)
  public void start() {
    Topology topology = side.equals("sql") ? sqlTopology(query) : Twins.named(query).topology(INPUT, OUTPUT, 1);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-" + side + "-" + query);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(topology, props);
    in = driver.createInputTopic(INPUT, new ByteArraySerializer(), new ByteArraySerializer());
    out = driver.createOutputTopic(OUTPUT, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    NexmarkGenerator generator = new NexmarkGenerator(42, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
    NexmarkJson json = new NexmarkJson();
    for (int i = 0; i < BATCH; i++) {
      NexmarkEvent event = generator.event(i);
      keys[i] = Keys.bigint(event.key());
      values[i] = json.write(event, NexmarkLayout.NESTED);
      times[i] = event.dateTime();
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    driver.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void events(Blackhole sink) {
    for (int i = 0; i < BATCH; i++) {
      in.pipeInput(keys[i], values[i], times[i]);
    }
    sink.consume(out.readRecordsToList());
  }

  /** The topology Sluice compiles for the query, planned from the benchmark's DDL, views and query files. */
  static Topology sqlTopology(String query) {
    Map<String, SourceDescriptor> sources = new LinkedHashMap<>();
    Map<String, ViewDefinition> views = new HashMap<>();
    for (ParsedStatement statement : SluiceParser.parse(QuerySql.ddl(INPUT))) {
      if (statement.node() instanceof SqlCreateView view) {
        ViewDefinition definition =
            new CreateViewPlanner(CatalogView.of(sources, views)).plan(view, statement.text()).view();
        views.put(definition.name(), definition);
      } else {
        SourceDescriptor source = CreateSourcePlanner.plan((SqlCreateSource) statement.node()).descriptor();
        sources.put(source.name(), source);
      }
    }
    CatalogView catalog = CatalogView.of(sources, views).withPartitions(topic -> OptionalInt.of(1));
    SqlCreateAsSelect create = (SqlCreateAsSelect) SluiceParser.parse(QuerySql.query(query, OUTPUT)).get(0).node();
    return QueryTopologyBuilder.build(new CreateAsSelectPlanner(catalog).plan(create, "Q").query().plan(),
        new RuntimeOptions("processing-log")).topology();
  }
}

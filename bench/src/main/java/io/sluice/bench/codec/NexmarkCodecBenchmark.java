package io.sluice.bench.codec;

import io.sluice.bench.nexmark.NexmarkEvent;
import io.sluice.bench.nexmark.NexmarkGenerator;
import io.sluice.bench.nexmark.NexmarkJson;
import io.sluice.bench.nexmark.NexmarkLayout;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.SqlCreateSource;
import io.sluice.plan.SourceDescriptor;
import io.sluice.planner.ddl.CreateSourcePlanner;
import io.sluice.runtime.serde.RowCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast Sluice's JSON codec reads Nexmark's nested events into rows and writes them back: the
 * Nexmark benchmark's source stream (the first statement of {@code nexmark/ddl.sql}) over 4,096
 * generated events in Flink's layout, one operation per record. The codec is where a query's
 * source and sink spend their time (docs/benchmarks.md, the Nexmark profile), so its changes are
 * measured here, precisely, before the end-to-end harness. Run it with {@code bench/run codec}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class NexmarkCodecBenchmark {

  static final int BATCH = 4096;

  /** The events as the loader writes them, their rows, and the source's codec. */
  @State(Scope.Benchmark)
  public static class Events {
    RowCodec codec;
    byte[][] values;
    Object[][] rows;

    @Setup
    public void prepare() {
      codec = nexmarkCodec();
      NexmarkGenerator generator = new NexmarkGenerator(42, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
      NexmarkJson json = new NexmarkJson();
      values = new byte[BATCH][];
      rows = new Object[BATCH][];
      for (int i = 0; i < BATCH; i++) {
        NexmarkEvent event = generator.event(i);
        values[i] = json.write(event, NexmarkLayout.NESTED);
        rows[i] = codec.deserialize(null, values[i]);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void read(Events events, Blackhole sink) {
    for (byte[] value : events.values) {
      sink.consume(events.codec.deserialize(null, value));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void write(Events events, Blackhole sink) {
    for (Object[] row : events.rows) {
      sink.consume(events.codec.serializeValue(row));
    }
  }

  /** The codec of the Nexmark source stream, planned from the benchmark's own DDL. */
  static RowCodec nexmarkCodec() {
    String ddl;
    try (InputStream in = NexmarkCodecBenchmark.class.getResourceAsStream("/nexmark/ddl.sql")) {
      ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SqlCreateSource create = (SqlCreateSource) SluiceParser.parse(ddl.replace("${INPUT}", "nexmark")).get(0).node();
    SourceDescriptor source = CreateSourcePlanner.plan(create).descriptor();
    return RowCodec.of(source.rowSchema(), source.formats());
  }
}

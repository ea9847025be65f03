package io.sluice.bench.expr;

import io.sluice.bench.expr.BidQueries.Filter;
import io.sluice.bench.expr.BidQueries.Projection;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowPredicate;
import io.sluice.runtime.expr.RowProjector;
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
 * Compiled expressions against the {@link TreeWalkingInterpreter} baseline, on the same queries
 * and the same batch of Nexmark-style bids in one JMH run: rows per second for a filter, a
 * seven-column projection and a plain column copy, plus the one-time cost of compiling each query.
 *
 * <p>Each row-throughput benchmark loops over a pre-generated batch in its own method, so that each
 * call site sees one implementation; one operation is one row. JMH forks a JVM per benchmark, and
 * the compile-cost benchmarks use no state that compiles anything, so their first warmup shot is
 * the cold cost of the first query in a JVM. Run it with {@code bench/run expressions}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ExpressionBenchmark {

  /** Rows per batch: many distinct rows, so that branch predictors cannot just learn a short repeating pattern. */
  static final int BATCH = 4096;

  /** The benchmarked queries as expression trees, built but not compiled. */
  @State(Scope.Benchmark)
  public static class Queries {
    final Filter filter = BidQueries.filter();
    final Projection enrichment = BidQueries.enrichment();
    final Projection passthrough = BidQueries.passthrough();
  }

  /** A batch of bids with every query both compiled and prepared for the interpreter. */
  @State(Scope.Benchmark)
  public static class Batch {
    private static final long SEED = 20240301L;

    Object[][] rows;
    RowPredicate compiledFilter;
    RowPredicate interpretedFilter;
    RowProjector compiledEnrichment;
    RowProjector interpretedEnrichment;
    RowProjector compiledPassthrough;
    RowProjector interpretedPassthrough;

    @Setup
    public void prepare(Queries queries) {
      rows = BidRows.generate(BATCH, SEED);
      compiledFilter = ExpressionCompiler.compilePredicate(queries.filter.condition(), BidRows.SCHEMA);
      interpretedFilter = TreeWalkingInterpreter.predicate(queries.filter.condition());
      compiledEnrichment = compile(queries.enrichment);
      interpretedEnrichment = interpret(queries.enrichment);
      compiledPassthrough = compile(queries.passthrough);
      interpretedPassthrough = interpret(queries.passthrough);
    }

    private static RowProjector compile(Projection projection) {
      return ExpressionCompiler.compileProjector(projection.expressions(), BidRows.SCHEMA, projection.output());
    }

    private static RowProjector interpret(Projection projection) {
      return TreeWalkingInterpreter.projector(projection.expressions(), projection.output());
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int filterCompiled(Batch batch) {
    int passed = 0;
    for (Object[] row : batch.rows) {
      if (batch.compiledFilter.test(row)) {
        passed++;
      }
    }
    return passed;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int filterInterpreted(Batch batch) {
    int passed = 0;
    for (Object[] row : batch.rows) {
      if (batch.interpretedFilter.test(row)) {
        passed++;
      }
    }
    return passed;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void enrichmentCompiled(Batch batch, Blackhole out) {
    for (Object[] row : batch.rows) {
      out.consume(batch.compiledEnrichment.apply(row));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void enrichmentInterpreted(Batch batch, Blackhole out) {
    for (Object[] row : batch.rows) {
      out.consume(batch.interpretedEnrichment.apply(row));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void passthroughCompiled(Batch batch, Blackhole out) {
    for (Object[] row : batch.rows) {
      out.consume(batch.compiledPassthrough.apply(row));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void passthroughInterpreted(Batch batch, Blackhole out) {
    for (Object[] row : batch.rows) {
      out.consume(batch.interpretedPassthrough.apply(row));
    }
  }

  /**
   * Generating, compiling and loading the filter's class, once per shot. The first warmup shot is
   * the cold cost of the first query in a JVM; the measured shots are the cost once Janino is warm.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 30)
  @Measurement(iterations = 100)
  public RowPredicate compileFilter(Queries queries) {
    return ExpressionCompiler.compilePredicate(queries.filter.condition(), BidRows.SCHEMA);
  }

  /** Generating, compiling and loading the seven-column projection's class, once per shot. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 30)
  @Measurement(iterations = 100)
  public RowProjector compileEnrichment(Queries queries) {
    Projection enrichment = queries.enrichment;
    return ExpressionCompiler.compileProjector(enrichment.expressions(), BidRows.SCHEMA, enrichment.output());
  }
}

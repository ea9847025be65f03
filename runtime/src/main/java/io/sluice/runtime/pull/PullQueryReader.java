package io.sluice.runtime.pull;

import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.DataType;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.TypeName;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.pull.PullQueryPlan;
import io.sluice.plan.pull.RangeBound;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.LiteralValues;
import io.sluice.runtime.expr.RowPredicate;
import io.sluice.runtime.expr.RowProjector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;

/**
 * Answers a pull query on a table from the table's state store through Kafka Streams' interactive
 * queries ({@link StoreReader}): key lookups on the key's partition, windows of a key by their
 * start, or a scan of the whole store. The store is an aggregation's (each group becomes the row
 * the table's query writes, {@link AggregateStoredRows}) or a source table's materialization
 * ({@link SourceTableRows}); each row then passes the pull query's filter and projection. Built
 * once per pull query: it compiles the expressions.
 */
public final class PullQueryReader {

  private final PullQueryPlan pull;
  private final WindowSpec window;
  private final StoredRows stored;
  private final List<Object[]> lookups;
  private final int[] keySlots;
  private final RowPredicate filter;
  private final RowProjector projector;
  private final long startFrom;
  private final long startTo;
  private final List<Object[]> keyRanges;

  private PullQueryReader(PullQueryPlan pull, WindowSpec window, StoredRows stored) {
    this.pull = pull;
    this.window = window;
    this.stored = stored;
    this.lookups = evaluateLookups(pull.keyLookups(), pull.input());
    this.keySlots = pull.input().indexesOf(ColumnKind.KEY);
    this.filter = pull.filter() == null ? null : ExpressionCompiler.compilePredicate(pull.filter(), pull.input());
    this.projector = ExpressionCompiler.compileProjector(pull.projection(), pull.input(), pull.schema());
    long[] starts = windowStarts(pull, window);
    this.startFrom = starts[0];
    this.startTo = starts[1];
    this.keyRanges = window == null && lookups.isEmpty() && pull.hasKeyRange() && stored.orderedKeys()
        ? keyRanges(pull, stored) : null;
  }

  private PullQueryReader(PullQueryReader template, List<Object[]> lookups) {
    this.pull = template.pull;
    this.window = template.window;
    this.stored = template.stored;
    this.lookups = lookups;
    this.keySlots = template.keySlots;
    this.filter = template.filter;
    this.projector = template.projector;
    this.startFrom = template.startFrom;
    this.startTo = template.startTo;
    this.keyRanges = template.keyRanges;
  }

  /**
   * This reader with other key lookups (tuples of constant expressions, in key column order), its
   * compiled expressions shared: a query that differs from this one only in the keys it looks up.
   * Literal keys cost no compilation.
   */
  public PullQueryReader withKeyLookups(List<List<Expr>> keyLookups) {
    if (lookups.isEmpty() || keyLookups.isEmpty()) {
      throw new IllegalArgumentException("key lookups replace key lookups only");
    }
    return new PullQueryReader(this, evaluateLookups(keyLookups, pull.input()));
  }

  /**
   * A reader of a table kept by an aggregation.
   *
   * @param tablePlan the plan of the query that creates the table
   * @throws UnsupportedPlanException if the table's query keeps no aggregate state
   */
  public static PullQueryReader ofAggregation(PhysicalPlan tablePlan, PullQueryPlan pull) {
    AggregateNode aggregate = PlanNodes.aggregateOf(tablePlan.root());
    if (aggregate == null) {
      throw new UnsupportedPlanException("table " + pull.sourceName() + " is not kept by an aggregation");
    }
    return new PullQueryReader(pull, aggregate.window(), new AggregateStoredRows(tablePlan, aggregate, pull.input()));
  }

  /** A reader of a source table materialized by {@link SourceTableTopology}. */
  public static PullQueryReader ofSourceTable(SourceDescriptor table, PullQueryPlan pull) {
    return new PullQueryReader(pull, null, new SourceTableRows(table, pull.input()));
  }

  /**
   * The query's rows, read now from {@code streams}' store {@code storeName}.
   *
   * @throws StoreUnavailableException if the store cannot answer (not running, rebalancing)
   */
  public List<Object[]> read(KafkaStreams streams, String storeName) {
    return read(streams, storeName, null);
  }

  /**
   * The query's rows in the store partitions {@code scope} names, read now from this node's copies
   * of them; with a null scope, from every local partition. A scope that allows standbys is first
   * checked against its lag bound.
   *
   * @throws StoreUnavailableException if a partition cannot answer (not active here, past the lag bound)
   */
  public List<Object[]> read(KafkaStreams streams, String storeName, ReadScope scope) {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      throw new StoreUnavailableException("the query that keeps " + pull.sourceName() + " is " + streams.state()
          + ", not RUNNING; try again shortly");
    }
    if (scope != null && scope.standbyAllowed() && scope.maxOffsetLag() >= 0) {
      Map<Integer, Long> lags = new HashMap<>();
      streams.allLocalStorePartitionLags().getOrDefault(storeName, Map.of())
          .forEach((partition, lag) -> lags.put(partition, lag.offsetLag()));
      OffsetLagBound.check(storeName, lags, scope.partitions(), scope.maxOffsetLag());
    }
    StoreReader store = new StoreReader(streams, storeName, stored.keySerializer(), scope);
    long limit = pull.limit() == null ? Long.MAX_VALUE : pull.limit();
    List<Object[]> out = new ArrayList<>();
    StoreReader.Sink sink = (key, start, end, value) -> {
      Object[] row = toRow(key, start, end, value);
      if (row != null) {
        out.add(row);
      }
      return out.size() < limit;
    };
    if (limit == 0) {
      return out;
    }
    boolean byKey = !lookups.isEmpty() && stored.canonicalKeys();
    if (window == null) {
      if (byKey) {
        for (Object[] key : lookups) {
          if (!store.get(stored.storeKey(key), sink)) {
            break;
          }
        }
      } else if (keyRanges != null) {
        for (Object[] range : keyRanges) {
          if (!store.range(range[0], range[1], sink)) {
            break;
          }
        }
      } else {
        store.scan(sink);
      }
    } else if (window.type() == WindowType.SESSION) {
      if (!byKey) {
        throw new UnsupportedPlanException("pull queries on session-windowed tables grouped by a JSON source key "
            + "are not supported yet");
      }
      for (Object[] key : lookups) {
        if (!store.sessions(stored.storeKey(key), sink)) {
          break;
        }
      }
    } else {
      Instant from = Instant.ofEpochMilli(startFrom);
      Instant to = Instant.ofEpochMilli(startTo);
      if (byKey) {
        for (Object[] key : lookups) {
          Object storeKey = stored.storeKey(key);
          StoreReader.Sink windowed = (k, start, end, value) -> sink.accept(storeKey, start, start + window.size(), value);
          if (startFrom <= startTo && !store.windows(storeKey, from, to, windowed)) {
            break;
          }
        }
      } else if (startFrom <= startTo) {
        store.windowScan(from, to, sink);
      }
    }
    return out;
  }

  /**
   * The store partitions this query reads, each with its active and standby hosts: the looked-up
   * keys' partitions, or every partition of the store for a scan.
   *
   * @throws StoreUnavailableException if the hosts are not known now
   */
  public Map<Integer, KeyQueryMetadata> partitionHosts(KafkaStreams streams, String storeName) {
    if (lookups.isEmpty() || !stored.canonicalKeys()) {
      return StorePartitions.all(streams, storeName);
    }
    Map<Integer, KeyQueryMetadata> out = new TreeMap<>();
    for (Object[] key : lookups) {
      KeyQueryMetadata metadata = StorePartitions.ofKey(streams, storeName, stored.storeKey(key), stored.keySerializer());
      out.put(metadata.partition(), metadata);
    }
    return out;
  }

  /** The pull query's output row for one store entry, or null if the query leaves it out. */
  private Object[] toRow(Object storeKey, long windowStart, long windowEnd, Object value) {
    Object[] input = stored.inputRow(storeKey, windowStart, windowEnd, value);
    if (input == null || (!lookups.isEmpty() && !stored.canonicalKeys() && !matchesLookup(input))
        || (filter != null && !filter.test(input))) {
      return null;
    }
    return projector.apply(input);
  }

  private boolean matchesLookup(Object[] input) {
    Object[] key = new Object[keySlots.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = input[keySlots[i]];
    }
    return lookups.stream().anyMatch(lookup -> Arrays.equals(lookup, key));
  }

  /** The key tuples, each value converted to its key column's type; tuples with a null never match and go. */
  private static List<Object[]> evaluateLookups(List<List<Expr>> keyLookups, RowSchema input) {
    List<Object[]> out = new ArrayList<>();
    if (keyLookups.isEmpty()) {
      return out;
    }
    RowSchema keys = new RowSchema(input.keyColumns());
    for (List<Expr> tuple : keyLookups) {
      Object[] key = literalKey(tuple, keys);
      if (key == null) {
        key = ExpressionCompiler.compileProjector(tuple, RowSchema.of(), keys).apply(new Object[0]);
      }
      Object[] found = key;
      if (Arrays.stream(key).allMatch(v -> v != null) && out.stream().noneMatch(k -> Arrays.equals(k, found))) {
        out.add(key);
      }
    }
    return out;
  }

  /**
   * A key tuple of literals of the key columns' own types (or INTEGER for BIGINT) read without
   * compiling anything; null when the tuple needs the compiler.
   */
  private static Object[] literalKey(List<Expr> tuple, RowSchema keys) {
    Object[] key = new Object[tuple.size()];
    for (int i = 0; i < key.length; i++) {
      if (!(tuple.get(i) instanceof Literal literal)) {
        return null;
      }
      DataType type = keys.column(i).type();
      Object value = LiteralValues.parse(literal);
      if (literal.type().equals(type) || (literal.type().name() == type.name() && type.name() != TypeName.DECIMAL)) {
        key[i] = value;
      } else if (type.name() == TypeName.BIGINT && value instanceof Integer number) {
        key[i] = number.longValue();
      } else {
        return null;
      }
    }
    return key;
  }

  /**
   * The ranges of store keys (from, to; both included, null for open) that hold the keys in the
   * query's key range, or null to scan the whole store (a bound of another type than the key's).
   * Numbers sort by their bytes within one sign only, so a range across zero is two ranges. The
   * filter keeps the exact condition (an exclusive bound is read inclusive here).
   */
  private static List<Object[]> keyRanges(PullQueryPlan pull, StoredRows stored) {
    DataType type = pull.input().keyColumns().get(0).type();
    Object[] bounds = new Object[2];
    RangeBound[] given = {pull.keyLower(), pull.keyUpper()};
    for (int i = 0; i < 2; i++) {
      if (given[i] == null) {
        continue;
      }
      DataType boundType = given[i].value().type();
      if (!boundType.equals(type) && !(boundType.name() == TypeName.INTEGER && type.name() == TypeName.BIGINT)) {
        return null;
      }
      RowSchema out = new RowSchema(pull.input().keyColumns());
      bounds[i] = ExpressionCompiler.compileProjector(List.of(given[i].value()), RowSchema.of(), out)
          .apply(new Object[0])[0];
      if (bounds[i] == null) {
        return List.of();
      }
    }
    List<Object[]> ranges = new ArrayList<>();
    if (type.name() == TypeName.STRING) {
      ranges.add(new Object[] {bounds[0], bounds[1]});
    } else {
      long low = bounds[0] == null ? minimum(type) : ((Number) bounds[0]).longValue();
      long high = bounds[1] == null ? maximum(type) : ((Number) bounds[1]).longValue();
      if (low > high) {
        return List.of();
      }
      if (low < 0 && high >= 0) {
        ranges.add(new Object[] {number(type, low), number(type, -1)});
        ranges.add(new Object[] {number(type, 0), number(type, high)});
      } else {
        ranges.add(new Object[] {number(type, low), number(type, high)});
      }
    }
    for (Object[] range : ranges) {
      for (int i = 0; i < 2; i++) {
        range[i] = range[i] == null ? null : stored.storeKey(new Object[] {range[i]});
      }
    }
    return ranges;
  }

  private static long minimum(DataType type) {
    return type.name() == TypeName.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
  }

  private static long maximum(DataType type) {
    return type.name() == TypeName.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
  }

  private static Object number(DataType type, long value) {
    return type.name() == TypeName.INTEGER ? (Object) (int) value : (Object) value;
  }

  /**
   * The inclusive range of window starts to read, from the WINDOWSTART bounds and, for windows of
   * a fixed size, the WINDOWEND bounds less the size. A range with from after to reads nothing.
   */
  private static long[] windowStarts(PullQueryPlan pull, WindowSpec window) {
    long from = 0;
    long to = Long.MAX_VALUE;
    if (window == null) {
      return new long[] {from, to};
    }
    from = Math.max(from, lower(pull.windowStartLower(), 0));
    to = Math.min(to, upper(pull.windowStartUpper(), 0));
    if (window.type() != WindowType.SESSION) {
      from = Math.max(from, lower(pull.windowEndLower(), window.size()));
      to = Math.min(to, upper(pull.windowEndUpper(), window.size()));
    }
    return new long[] {from, to};
  }

  /** The least window start a lower bound allows; a NULL bound allows none. */
  private static long lower(RangeBound bound, long minus) {
    if (bound == null) {
      return Long.MIN_VALUE;
    }
    Long value = constant(bound.value());
    if (value == null) {
      return Long.MAX_VALUE;
    }
    return (bound.inclusive() ? value : value + 1) - minus;
  }

  /** The greatest window start an upper bound allows; a NULL bound allows none. */
  private static long upper(RangeBound bound, long minus) {
    if (bound == null) {
      return Long.MAX_VALUE;
    }
    Long value = constant(bound.value());
    if (value == null) {
      return Long.MIN_VALUE;
    }
    return (bound.inclusive() ? value : value - 1) - minus;
  }

  private static Long constant(Expr value) {
    RowSchema out = RowSchema.of(Column.value("BOUND", DataType.BIGINT));
    return (Long) ExpressionCompiler.compileProjector(List.of(value), RowSchema.of(), out).apply(new Object[0])[0];
  }
}

package io.sluice.planner.calcite;

import io.sluice.plan.node.AggregateFunction;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlAggFunction;

/** Which plan {@link AggregateFunction} a SQL aggregate function call is. */
public final class AggregateFunctions {

  private static final Map<String, AggregateFunction> BY_NAME = Map.ofEntries(
      Map.entry("COUNT", AggregateFunction.COUNT),
      Map.entry("SUM", AggregateFunction.SUM),
      Map.entry("AVG", AggregateFunction.AVG),
      Map.entry("MIN", AggregateFunction.MIN),
      Map.entry("MAX", AggregateFunction.MAX),
      Map.entry("COUNT_DISTINCT", AggregateFunction.COUNT_DISTINCT),
      Map.entry("LATEST_BY_OFFSET", AggregateFunction.LATEST_BY_OFFSET),
      Map.entry("EARLIEST_BY_OFFSET", AggregateFunction.EARLIEST_BY_OFFSET),
      Map.entry("COLLECT_LIST", AggregateFunction.COLLECT_LIST),
      Map.entry("COLLECT_SET", AggregateFunction.COLLECT_SET),
      Map.entry("TOPK", AggregateFunction.TOPK),
      Map.entry("TOPKDISTINCT", AggregateFunction.TOPKDISTINCT),
      Map.entry("HISTOGRAM", AggregateFunction.HISTOGRAM),
      Map.entry("STDDEV_SAMP", AggregateFunction.STDDEV_SAMP));

  private AggregateFunctions() {}

  /**
   * The plan function for a call of {@code function}, DISTINCT or not; null if Sluice has none.
   * COUNT(DISTINCT x) is COUNT_DISTINCT(x); no other function takes DISTINCT.
   */
  public static AggregateFunction of(SqlAggFunction function, boolean distinct) {
    AggregateFunction mapped = BY_NAME.get(function.getName().toUpperCase(Locale.ROOT));
    if (!distinct) {
      return mapped;
    }
    return mapped == AggregateFunction.COUNT ? AggregateFunction.COUNT_DISTINCT : null;
  }
}

package io.sluice.planner.query;

import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.DataType;
import io.sluice.plan.EmitMode;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Operator;
import io.sluice.plan.node.AggregateCall;
import io.sluice.plan.node.AggregateFunction;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.planner.PlanningException;
import io.sluice.planner.calcite.AggregateFunctions;
import io.sluice.planner.calcite.TypeMapping;
import io.sluice.planner.calcite.WindowBoundFunctions;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Converts Calcite's aggregation into an {@link AggregateNode}. Its columns are the group keys
 * (KEY), one VALUE column per aggregate function call named {@code KSQL_AGG_n}, then for a
 * windowed aggregation WINDOWSTART and WINDOWEND. Calcite's calls of the window bound functions
 * become references to those two columns, cast to TIMESTAMP for window_start and window_end.
 */
final class AggregateConverter {

  /** The prefix of the names of an aggregation's function results. */
  static final String AGGREGATE_PREFIX = "KSQL_AGG_";
  /** The prefix of the names of group keys that are expressions rather than input columns. */
  static final String KEY_PREFIX = "KSQL_KEY_";

  private final SqlParserPos pos;

  AggregateConverter(SqlParserPos pos) {
    this.pos = pos;
  }

  /**
   * The aggregation over {@code input}'s rows; {@code windowsOfInput} for one per window of the
   * windowed aggregation it reads (see {@link AggregateNode}).
   */
  RelToPlanNodes.Converted convert(LogicalAggregate aggregate, RelToPlanNodes.Converted input, String id,
      WindowSpec window, EmitMode emit, boolean windowsOfInput) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      throw new PlanningException("GROUPING SETS, ROLLUP and CUBE are not supported", pos);
    }
    RowSchema inputSchema = input.node().schema();
    List<Expr> groupBy = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (int index : aggregate.getGroupSet()) {
      Expr key = input.columns().get(index);
      String name = key instanceof InputRef ref ? inputSchema.column(ref.index()).name() : KEY_PREFIX + groupBy.size();
      groupBy.add(key);
      columns.add(Column.key(name, key.type()));
    }
    List<AggregateCall> calls = new ArrayList<>();
    List<org.apache.calcite.rel.core.AggregateCall> windowBounds = new ArrayList<>();
    for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
      if (WindowBoundFunctions.isWindowBound(call.getAggregation())) {
        windowBounds.add(call);
        continue;
      }
      AggregateCall converted = convertCall(call, input.columns());
      columns.add(Column.value(AGGREGATE_PREFIX + calls.size(), converted.type()));
      calls.add(converted);
    }
    int windowStart = columns.size();
    if (window != null) {
      columns.add(new Column(WindowSpec.START_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO));
      columns.add(new Column(WindowSpec.END_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO));
    } else if (!windowBounds.isEmpty()) {
      throw new PlanningException("Window bounds need a windowed aggregation", pos);
    }
    Integer inputPartitionKey = window == null ? inputPartitionKey(input.node(), groupBy) : null;
    AggregateNode node = new AggregateNode(id, input.node(), groupBy, calls, window, emit, id + "-store",
        new RowSchema(columns), windowsOfInput ? Boolean.TRUE : null, inputPartitionKey, null);
    return new RelToPlanNodes.Converted(node, outputColumns(aggregate, groupBy.size(), windowStart, columns));
  }

  /**
   * The position of the group-by expression that is {@code input}'s record key, when an unwindowed
   * aggregation can keep its groups in the input's partitions (see {@link AggregateNode}): the input
   * is a stream keyed by one column in the KAFKA format, which writes a value one way only, so the
   * rows of a key were all written to one partition; one group-by expression is that column
   * unchanged, so a group never spans two keys. Null when the groups are exactly the source's key,
   * which needs no repartition already, or when the groups must be repartitioned.
   */
  static Integer inputPartitionKey(PlanNode input, List<Expr> groupBy) {
    if (PlanNodes.emitsTable(input) || AggregateNode.keyedSource(input, groupBy) != null) {
      return null;
    }
    KeyedInput keyed = KeyedInput.of(input);
    if (keyed == null || keyed.slots().length != 1 || keyed.format() != SerdeFormat.KAFKA) {
      return null;
    }
    for (int i = 0; i < groupBy.size(); i++) {
      if (groupBy.get(i) instanceof InputRef ref && ref.index() == keyed.slots()[0]
          && ref.type().equals(keyed.columns().get(0).type())) {
        return i;
      }
    }
    return null;
  }

  /** Calcite's aggregate columns (keys, then calls in order) as expressions over the node's row. */
  private static List<Expr> outputColumns(LogicalAggregate aggregate, int keys, int windowStart, List<Column> columns) {
    List<Expr> out = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      out.add(new InputRef(i, columns.get(i).type()));
    }
    int next = keys;
    for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
      SqlAggFunction function = call.getAggregation();
      if (WindowBoundFunctions.isWindowBound(function)) {
        Expr bound = new InputRef(WindowBoundFunctions.isStart(function) ? windowStart : windowStart + 1, DataType.BIGINT);
        boolean timestamp = function == WindowBoundFunctions.WINDOW_START || function == WindowBoundFunctions.WINDOW_END;
        out.add(timestamp ? Call.of(Operator.CAST, DataType.TIMESTAMP, bound) : bound);
      } else {
        out.add(new InputRef(next, columns.get(next).type()));
        next++;
      }
    }
    return out;
  }

  private AggregateCall convertCall(org.apache.calcite.rel.core.AggregateCall call, List<Expr> inputColumns) {
    if (!call.getCollation().getFieldCollations().isEmpty()) {
      throw new PlanningException("WITHIN GROUP is not supported on aggregates", pos);
    }
    AggregateFunction function = AggregateFunctions.of(call.getAggregation(), call.isDistinct());
    if (function == null) {
      throw new PlanningException("Aggregate function " + call.getAggregation().getName() + " is not supported yet", pos);
    }
    List<Expr> args = new ArrayList<>();
    for (int arg : call.getArgList()) {
      args.add(inputColumns.get(arg));
    }
    if ((function == AggregateFunction.LATEST_BY_OFFSET || function == AggregateFunction.EARLIEST_BY_OFFSET)
        && args.size() == 1) {
      args.add(new Literal("true", DataType.BOOLEAN));
    }
    if (call.filterArg >= 0) {
      args = filtered(function, args, inputColumns.get(call.filterArg));
    }
    return new AggregateCall(function, args, TypeMapping.fromCalcite(call.getType(), pos));
  }

  /**
   * The arguments of {@code function(args) FILTER (WHERE filter)}: the aggregates that take FILTER
   * skip null values, so a row the filter does not hold TRUE for gives a null value instead
   * ({@code CASE WHEN filter THEN x END}); COUNT(*) becomes the count of such non-null values.
   */
  private List<Expr> filtered(AggregateFunction function, List<Expr> args, Expr filter) {
    if ((function == AggregateFunction.LATEST_BY_OFFSET || function == AggregateFunction.EARLIEST_BY_OFFSET)
        && !(args.get(1) instanceof Literal flag && "true".equalsIgnoreCase(flag.value()))) {
      throw new PlanningException("FILTER needs " + function + " to ignore nulls", pos);
    }
    List<Expr> out = new ArrayList<>(args);
    Expr value = out.isEmpty() ? new Literal("true", DataType.BOOLEAN) : out.get(0);
    Expr chosen = new Call(Operator.CASE, List.of(filter, value, Literal.nullOf(value.type())), value.type());
    if (out.isEmpty()) {
      out.add(chosen);
    } else {
      out.set(0, chosen);
    }
    return out;
  }
}

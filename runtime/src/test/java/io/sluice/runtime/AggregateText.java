package io.sluice.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.DataType;
import io.sluice.plan.EmitMode;
import io.sluice.plan.RowSchema;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.node.AggregateCall;
import io.sluice.plan.node.AggregateFunction;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The test-data form of an aggregation step:
 * {@code {"groupBy": ["$REGION"], "aggregates": ["N = COUNT()", "S = SUM($AMOUNT)", "T = TOPK($X, 2)"],
 * "window": {"type": "HOPPING", "size": 1000, "advance": 500, "grace": 0, "retention": 5000},
 * "emit": "CHANGES", "inputPartitionKey": 0, "panes": true}}. Arguments are {@link ExprText} expressions; result types follow the function
 * (SUM and MIN keep the argument's type, AVG is DOUBLE, COLLECT_LIST an ARRAY of it, ...). The store
 * is {@code <id>-agg-store}; retention defaults to size plus grace.
 */
final class AggregateText {

  private AggregateText() {}

  static AggregateNode aggregate(String id, PlanNode input, JsonNode spec) {
    RowSchema in = input.schema();
    List<Expr> groupBy = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (JsonNode g : spec.path("groupBy")) {
      Expr expr = ExprText.parse(g.asText(), in);
      groupBy.add(expr);
      String name = expr instanceof InputRef ref ? in.column(ref.index()).name() : "KSQL_COL_" + columns.size();
      columns.add(Column.key(name, expr.type()));
    }
    List<AggregateCall> calls = new ArrayList<>();
    for (JsonNode a : spec.path("aggregates")) {
      String text = a.asText();
      int eq = text.indexOf(" = ");
      String name = text.substring(0, eq).strip();
      String call = text.substring(eq + 3).strip();
      int open = call.indexOf('(');
      AggregateFunction function = AggregateFunction.valueOf(call.substring(0, open).strip().toUpperCase(Locale.ROOT));
      List<Expr> args = new ArrayList<>();
      for (String arg : splitArguments(call.substring(open + 1, call.lastIndexOf(')')))) {
        args.add(ExprText.parse(arg, in));
      }
      DataType type = resultType(function, args);
      calls.add(new AggregateCall(function, args, type));
      columns.add(Column.value(name, type));
    }
    WindowSpec window = null;
    JsonNode w = spec.path("window");
    if (w.isObject()) {
      long size = w.path("size").asLong();
      long grace = w.path("grace").asLong(0);
      window = new WindowSpec(WindowType.valueOf(w.path("type").asText()), size,
          w.hasNonNull("advance") ? w.get("advance").asLong() : null, grace, w.path("retention").asLong(size + grace));
      columns.add(new Column(WindowSpec.START_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO));
      columns.add(new Column(WindowSpec.END_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO));
    }
    EmitMode emit = EmitMode.valueOf(spec.path("emit").asText("CHANGES"));
    Integer inputPartitionKey = spec.hasNonNull("inputPartitionKey") ? spec.get("inputPartitionKey").asInt() : null;
    Boolean panes = spec.path("panes").asBoolean(false) ? Boolean.TRUE : null;
    return new AggregateNode(id, input, groupBy, calls, window, emit, id + "-agg-store", new RowSchema(columns), null,
        inputPartitionKey, panes);
  }

  private static DataType resultType(AggregateFunction function, List<Expr> args) {
    DataType arg = args.isEmpty() ? null : args.get(0).type();
    return switch (function) {
      case COUNT, COUNT_DISTINCT -> DataType.BIGINT;
      case AVG, STDDEV_SAMP -> DataType.DOUBLE;
      case SUM, MIN, MAX, LATEST_BY_OFFSET, EARLIEST_BY_OFFSET -> arg;
      case COLLECT_LIST, COLLECT_SET, TOPK, TOPKDISTINCT -> DataType.array(arg);
      case HISTOGRAM -> DataType.map(DataType.BIGINT);
    };
  }

  /** Splits at the commas outside parentheses and quotes. */
  private static List<String> splitArguments(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        out.add(text.substring(start, i).strip());
        start = i + 1;
      }
    }
    if (!text.isBlank()) {
      out.add(text.substring(start).strip());
    }
    return out;
  }
}

package io.sluice.plan;

import io.sluice.plan.expr.ExprPrinter;
import io.sluice.plan.node.AggregateCall;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinKind;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.JoinSide;
import io.sluice.plan.node.JoinWindow;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.plan.node.WindowJoinNode;
import io.sluice.plan.node.WindowMaxJoinNode;
import io.sluice.plan.node.WindowTopNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a physical plan as an indented text tree, root first, for EXPLAIN. A step read by several
 * others (its node is in the tree more than once) is printed in full where it first appears; each
 * further appearance is one line saying that it is that same step, computed once.
 */
public final class PlanPrinter {

  private PlanPrinter() {}

  public static String print(PhysicalPlan plan) {
    StringBuilder out = new StringBuilder();
    print(plan.root(), null, 0, new HashSet<>(), out);
    return out.toString();
  }

  private static void print(PlanNode node, PlanNode reader, int depth, Set<String> printed, StringBuilder out) {
    out.append("  ".repeat(depth)).append("> [ ").append(node.id()).append(" ] ");
    if (!printed.add(node.id())) {
      out.append("shared: the same step as [ ").append(node.id()).append(" ] above, computed once\n");
      return;
    }
    String described = describe(node);
    if (node instanceof AggregateNode aggregate && reader instanceof WindowJoinNode join) {
      // Its groups are kept in the window join's store; its own is never made.
      described = described.replace(", store " + aggregate.storeName(), ", kept in " + join.storeName());
    }
    out.append(described).append(" | schema: ").append(schema(node.schema().columns())).append('\n');
    for (PlanNode input : node.inputs()) {
      print(input, node, depth + 1, printed, out);
    }
  }

  private static String describe(PlanNode node) {
    if (node instanceof SourceNode source) {
      return (source.isGlobal() ? "global table " : source.table() ? "table " : "stream ") + source.sourceName()
          + " from topic " + source.topic() + " (" + formats(source.formats()) + ")"
          + (source.timestamp() == null ? ""
              : ", event time from column " + source.schema().column(source.timestamp().columnIndex()).name());
    }
    if (node instanceof FilterNode filter) {
      return "filter " + ExprPrinter.print(filter.predicate(), filter.input().schema());
    }
    if (node instanceof ProjectNode project) {
      List<String> items = new java.util.ArrayList<>();
      for (int i = 0; i < project.expressions().size(); i++) {
        items.add(ExprPrinter.print(project.expressions().get(i), project.input().schema())
            + " AS " + project.schema().column(i).name());
      }
      return "project " + String.join(", ", items);
    }
    if (node instanceof AggregateNode aggregate) {
      return describeAggregate(aggregate);
    }
    if (node instanceof JoinNode join) {
      return describeJoin(join);
    }
    if (node instanceof WindowTopNode top) {
      return describeTop(top);
    }
    if (node instanceof WindowJoinNode join) {
      return describeWindowJoin(join);
    }
    if (node instanceof WindowMaxJoinNode join) {
      return describeWindowMaxJoin(join);
    }
    SinkNode sink = (SinkNode) node;
    if (sink.isToClient()) {
      return "sink to the client";
    }
    return "sink " + sink.sinkName() + " to topic " + sink.topic() + " (" + formats(sink.formats()) + ")";
  }

  private static String describeAggregate(AggregateNode aggregate) {
    RowSchema input = aggregate.input().schema();
    List<String> keys = aggregate.groupBy().stream().map(e -> ExprPrinter.print(e, input)).toList();
    List<String> calls = new java.util.ArrayList<>();
    for (int i = 0; i < aggregate.aggregates().size(); i++) {
      AggregateCall call = aggregate.aggregates().get(i);
      String args = call.args().isEmpty() ? "*"
          : call.args().stream().map(e -> ExprPrinter.print(e, input)).collect(Collectors.joining(", "));
      calls.add(call.function() + "(" + args + ") AS " + aggregate.schema().column(keys.size() + i).name());
    }
    StringBuilder out = new StringBuilder("aggregate ").append(String.join(", ", calls))
        .append(" group by ").append(String.join(", ", keys));
    WindowSpec window = aggregate.window();
    if (window != null) {
      out.append(", window ").append(window.type()).append(window.type() == WindowType.SESSION ? " gap " : " size ")
          .append(Durations.print(window.size()));
      if (window.advance() != null) {
        out.append(" advance ").append(Durations.print(window.advance()));
      }
      out.append(" grace ").append(Durations.print(window.grace()))
          .append(" retention ").append(Durations.print(window.retention()));
      if (aggregate.reaggregatesWindows()) {
        out.append(", per window of its input");
      }
    }
    if (aggregate.aggregatesInPlace()) {
      out.append(", in place in the input's partitions by ").append(keys.get(aggregate.inputPartitionKey()))
          .append(" (no repartition)");
    }
    if (aggregate.keepsPanes()) {
      out.append(", in panes of ").append(Durations.print(aggregate.paneSize())).append(" (one update per row)");
    }
    return out.append(", emit ").append(aggregate.emit()).append(", store ").append(aggregate.storeName()).toString();
  }

  private static String describeJoin(JoinNode join) {
    StringBuilder out = new StringBuilder(join.type().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
        .append(join.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).append(" join on ");
    List<String> conditions = new java.util.ArrayList<>();
    for (int i = 0; i < join.left().keys().size(); i++) {
      String left = ExprPrinter.print(join.left().keys().get(i), join.left().input().schema());
      String right = ExprPrinter.print(join.right().keys().get(i), join.right().input().schema());
      conditions.add(left + " = " + right);
    }
    out.append(String.join(" AND ", conditions));
    JoinWindow window = join.window();
    if (window == null && join.kind() == JoinKind.STREAM_STREAM) {
      out.append(", unbounded (every record kept)");
    } else if (window != null) {
      out.append(", within ").append(Durations.print(window.before())).append(" before and ")
          .append(Durations.print(window.after())).append(" after, grace ").append(Durations.print(window.grace()));
    }
    out.append(", key ").append(join.key().format());
    repartition(out, join, "left", join.left());
    repartition(out, join, "right", join.right());
    if (!join.storeNames().isEmpty()) {
      out.append(", stores ").append(String.join(", ", join.storeNames()));
    }
    return out.toString();
  }

  private static String describeTop(WindowTopNode top) {
    RowSchema input = top.input().schema();
    String value = input.column(top.valueIndex()).name();
    List<String> keys = top.keys().stream().map(e -> ExprPrinter.print(e, input)).toList();
    return "rows at the greatest " + value + " of their window, with it (a join with MAX(" + value + ") per window "
        + "on the window bounds, computed in one step), key " + top.key().format() + " of " + String.join(", ", keys)
        + ", through " + top.repartitionName() + "-repartition (1 partition), window " + top.window().type()
        + " grace " + Durations.print(top.window().grace()) + ", store " + top.storeName();
  }

  private static String describeWindowJoin(WindowJoinNode join) {
    List<String> conditions = new java.util.ArrayList<>();
    for (int i = 0; i < join.left().keys().size(); i++) {
      conditions.add(ExprPrinter.print(join.left().keys().get(i), join.left().input().schema()) + " = "
          + ExprPrinter.print(join.right().keys().get(i), join.right().input().schema()));
    }
    StringBuilder out = new StringBuilder("inner window join on ").append(String.join(" AND ", conditions))
        .append(", both aggregations below in this step (their groups in panes in store ").append(join.storeName())
        .append(", joined as each window closes), key ").append(join.key().format());
    for (String side : List.of("left", "right")) {
      JoinSide input = side.equals("left") ? join.left() : join.right();
      if (input.repartition() == null) {
        out.append(", ").append(side).append(" in place");
      } else {
        out.append(", repartition ").append(side).append("'s rows through ").append(join.repartitionName(side))
            .append("-repartition (").append(input.repartition()).append(" partitions)");
      }
    }
    return out.toString();
  }

  private static String describeWindowMaxJoin(WindowMaxJoinNode join) {
    RowSchema input = join.input().schema();
    String value = input.column(join.valueIndex()).name();
    String time = input.column(join.timeIndex()).name();
    List<String> keys = join.keys().stream().map(e -> ExprPrinter.print(e, input)).toList();
    return "rows whose " + value + " is the greatest of a window ending from " + time + offset(join.endFrom())
        + " to " + time + offset(join.endTo()) + ", with it (a join with MAX(" + value + ") per window on " + value
        + " = MAX, computed in one step), key " + join.key().format() + " of " + String.join(", ", keys)
        + ", through " + join.repartitionName() + "-repartition (1 partition), window " + join.window().type()
        + " size " + Durations.print(join.window().size())
        + (join.window().advance() == null ? "" : " advance " + Durations.print(join.window().advance()))
        + " grace " + Durations.print(join.window().grace()) + ", store " + join.storeName();
  }

  private static String offset(long millis) {
    return millis == 0 ? "" : (millis > 0 ? " + " : " - ") + Durations.print(Math.abs(millis));
  }

  private static void repartition(StringBuilder out, JoinNode join, String side, JoinSide input) {
    if (input.broadcasts()) {
      out.append(", broadcast ").append(side).append(" to every partition of ").append(join.repartitionName(side))
          .append("-repartition (").append(input.repartition()).append(" partitions)");
    } else if (input.repartition() != null) {
      out.append(", repartition ").append(side).append(" through ").append(join.repartitionName(side))
          .append("-repartition (").append(input.repartition()).append(" partitions)");
    }
  }

  private static String formats(Formats formats) {
    return "key " + formats.keyFormat() + ", value " + formats.valueFormat();
  }

  private static String schema(List<Column> columns) {
    return columns.stream()
        .map(c -> c.name() + " " + c.type().sql() + (c.kind() == ColumnKind.KEY ? " KEY" : ""))
        .collect(Collectors.joining(", "));
  }
}

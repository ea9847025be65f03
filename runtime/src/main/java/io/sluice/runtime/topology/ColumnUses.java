package io.sluice.runtime.topology;

import io.sluice.plan.ColumnKind;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.RowSchema;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Operator;
import io.sluice.plan.node.AggregateCall;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.runtime.serde.ValueUse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which columns, and which fields of STRUCT columns, a plan reads of each stream source, and which
 * outputs of each projection it uses: a source's JSON reader then skips the rest, and a projection
 * leaves its unused outputs null instead of computing them.
 *
 * <p>Uses flow from the sink down. A sink uses every column; a filter its condition's and what its
 * readers use; a projection, for each used output, what its expression reads (a bare column or a
 * chain of field accesses on one passes on the exact part); an aggregation its keys and
 * arguments. A join uses every column of both sides, because it keeps their rows in its stores: a
 * later version of the query may read what this one did not. Key columns are always used, since
 * they key records. Tables are always read whole, since their stores serve pull queries. A step
 * that several nodes read (a shared step) passes on what any of them uses.
 */
final class ColumnUses {

  private final Map<String, ValueUse[]> sources = new HashMap<>();
  private final Map<String, ValueUse[]> projections = new HashMap<>();

  private ColumnUses() {}

  /** The uses of {@code plan}'s columns. */
  static ColumnUses of(PhysicalPlan plan) {
    ColumnUses uses = new ColumnUses();
    uses.flow(plan.root(), whole(plan.root().schema()));
    return uses;
  }

  /**
   * Per column of {@code source}'s schema, what the plan reads of it (null: nothing), or null when
   * the source is read whole.
   */
  ValueUse[] sourceReads(SourceNode source) {
    if (source.table() || source.isGlobal()) {
      return null;
    }
    ValueUse[] reads = sources.get(source.id());
    return reads == null ? null : reads.clone();
  }

  /** {@code project}'s expressions, those of outputs nothing uses replaced by a null of their type. */
  List<Expr> usedExpressions(ProjectNode project) {
    ValueUse[] used = projections.get(project.id());
    if (used == null) {
      return project.expressions();
    }
    List<Expr> expressions = new ArrayList<>(project.expressions());
    for (int i = 0; i < expressions.size(); i++) {
      if (used[i] == null) {
        expressions.set(i, Literal.nullOf(expressions.get(i).type()));
      }
    }
    return expressions;
  }

  /** Adds the uses {@code node}'s readers make of its output columns, and passes them to its inputs. */
  private void flow(PlanNode node, ValueUse[] outputs) {
    if (node instanceof SourceNode source) {
      ValueUse[] reads = merge(sources, source.id(), outputs);
      if (source.timestamp() != null) {
        reads[source.timestamp().columnIndex()] = ValueUse.WHOLE;
      }
    } else if (node instanceof SinkNode sink) {
      flow(sink.input(), whole(sink.input().schema()));
    } else if (node instanceof FilterNode filter) {
      ValueUse[] inputs = outputs.clone();
      read(filter.predicate(), inputs);
      flow(filter.input(), inputs);
    } else if (node instanceof ProjectNode project) {
      flowThroughProjection(project, outputs);
    } else if (node instanceof AggregateNode aggregate && !aggregate.reaggregatesWindows()) {
      ValueUse[] inputs = new ValueUse[aggregate.input().schema().size()];
      aggregate.groupBy().forEach(expr -> read(expr, inputs));
      for (AggregateCall call : aggregate.aggregates()) {
        call.args().forEach(expr -> read(expr, inputs));
      }
      flow(aggregate.input(), inputs);
    } else {
      for (PlanNode input : node.inputs()) {
        flow(input, whole(input.schema()));
      }
    }
  }

  private void flowThroughProjection(ProjectNode project, ValueUse[] outputs) {
    ValueUse[] used = outputs.clone();
    for (int slot : project.schema().indexesOf(ColumnKind.KEY)) {
      used[slot] = ValueUse.WHOLE;
    }
    used = merge(projections, project.id(), used);
    ValueUse[] inputs = new ValueUse[project.input().schema().size()];
    for (int i = 0; i < used.length; i++) {
      if (used[i] != null) {
        readAs(project.expressions().get(i), used[i], inputs);
      }
    }
    flow(project.input(), inputs);
  }

  /** Adds what {@code expr} reads of the input columns to {@code inputs}, all of what it yields being used. */
  private static void read(Expr expr, ValueUse[] inputs) {
    readAs(expr, ValueUse.WHOLE, inputs);
  }

  /** Adds what {@code expr} reads to {@code inputs}, given that {@code use} of its value is used. */
  private static void readAs(Expr expr, ValueUse use, ValueUse[] inputs) {
    if (expr instanceof InputRef ref) {
      inputs[ref.index()] = ValueUse.union(inputs[ref.index()], use);
    } else if (expr instanceof Call call) {
      if (call.op() == Operator.FIELD && call.operand(0).type().name() == TypeName.STRUCT
          && call.operand(1) instanceof Literal position && !position.isNull()) {
        int fieldCount = call.operand(0).type().fields().size();
        readAs(call.operand(0), ValueUse.field(fieldCount, Integer.parseInt(position.value()), use), inputs);
      } else {
        call.operands().forEach(operand -> read(operand, inputs));
      }
    }
  }

  /** Unions {@code uses} into what {@code merged} holds for {@code id}, and returns the result. */
  private static ValueUse[] merge(Map<String, ValueUse[]> merged, String id, ValueUse[] uses) {
    ValueUse[] before = merged.get(id);
    ValueUse[] after = uses.clone();
    if (before != null) {
      for (int i = 0; i < after.length; i++) {
        after[i] = ValueUse.union(before[i], after[i]);
      }
    }
    merged.put(id, after);
    return after;
  }

  private static ValueUse[] whole(RowSchema schema) {
    ValueUse[] uses = new ValueUse[schema.size()];
    Arrays.fill(uses, ValueUse.WHOLE);
    return uses;
  }
}

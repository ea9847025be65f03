package io.sluice.runtime.pull;

import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.RowSchema;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowPredicate;
import io.sluice.runtime.expr.RowProjector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of a table kept by an aggregation, as a pull query reads them: each group's result row
 * goes through what the table's query does after its aggregation (HAVING, the projection), then
 * is laid out as the pull query's input (table columns, with WINDOWSTART and WINDOWEND taken from
 * the window when the table has no columns of those names).
 */
final class TableRows {

  private final List<Step> steps = new ArrayList<>();
  private final int[] fromTable;
  private final int[] fromAggregate;

  /** @param input the pull query's input schema */
  TableRows(PhysicalPlan plan, AggregateNode aggregate, RowSchema input) {
    List<PlanNode> after = new ArrayList<>();
    PlanNode node = plan.root();
    while (node != aggregate) {
      if (!(node instanceof SinkNode)) {
        after.add(node);
      }
      if (node.inputs().size() != 1) {
        throw new UnsupportedPlanException("a pull query cannot read a table written by " + node.id());
      }
      node = node.inputs().get(0);
    }
    Collections.reverse(after);
    for (PlanNode step : after) {
      if (step instanceof FilterNode filter) {
        RowPredicate predicate = ExpressionCompiler.compilePredicate(filter.predicate(), filter.input().schema());
        steps.add(row -> predicate.test(row) ? row : null);
      } else if (step instanceof ProjectNode project) {
        RowProjector projector = ExpressionCompiler.compileProjector(
            project.expressions(), project.input().schema(), project.schema());
        steps.add(projector::apply);
      } else {
        throw new UnsupportedPlanException("a pull query cannot read a table written by " + step.id());
      }
    }
    RowSchema table = plan.root().schema();
    RowSchema grouped = aggregate.schema();
    fromTable = new int[input.size()];
    fromAggregate = new int[input.size()];
    for (int i = 0; i < input.size(); i++) {
      String name = input.column(i).name();
      fromTable[i] = table.indexOf(name);
      fromAggregate[i] = fromTable[i] < 0 && WindowSpec.isWindowColumn(name) ? grouped.indexOf(name) : -1;
      if (fromTable[i] < 0 && fromAggregate[i] < 0) {
        throw new UnsupportedPlanException("table " + plan.root().id() + " has no column " + name);
      }
    }
  }

  /**
   * The pull query's input row for one group's result row, or null if the table does not hold it
   * (HAVING leaves it out, or a step fails on it, as the table's query then writes no row either).
   */
  Object[] inputRow(Object[] aggregateRow) {
    Object[] row = aggregateRow;
    try {
      for (Step step : steps) {
        row = step.apply(row);
        if (row == null) {
          return null;
        }
      }
    } catch (RuntimeException e) {
      return null;
    }
    Object[] out = new Object[fromTable.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = fromTable[i] >= 0 ? row[fromTable[i]] : aggregateRow[fromAggregate[i]];
    }
    return out;
  }

  /** One step after the aggregation: a row in, a row out, or null when the row leaves. */
  private interface Step {
    Object[] apply(Object[] row);
  }
}

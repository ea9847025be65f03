package io.sluice.runtime.topology;

import io.sluice.plan.ColumnKind;
import io.sluice.plan.RowSchema;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.FilteredProjector;
import io.sluice.runtime.expr.RowProjector;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream projection as a processor applies it to a row, in its own processor or in the sink's it
 * feeds: the compiled projector, behind the condition of the stream filter before it when the
 * projection runs that filter itself, and, over an aggregation's results, the key columns alone
 * for a deletion ({@link Tombstone}), so that it is written under the key of the row it deletes.
 * A row the condition fails on is reported to the filter's processing log, one a column fails on
 * to the projection's, as two processors would report them.
 */
final class ProjectionStep {

  /** A row the step failed on, for the processor that runs the step to report to {@link #logger}. */
  static final class Failure extends RuntimeException {

    private final transient ProcessingLogger logger;

    private Failure(ProcessingLogger logger, String reason) {
      super(reason, null, false, false);
      this.logger = logger;
    }

    ProcessingLogger logger() {
      return logger;
    }
  }

  private final FilteredProjector filtered;
  private final RowProjector projector;
  private final RowProjector keyProjector;
  private final int[] keySlots;
  private final int width;
  private final ProcessingLogger filterLogger;
  private final ProcessingLogger projectLogger;

  private ProjectionStep(FilteredProjector filtered, RowProjector projector, RowProjector keyProjector,
      int[] keySlots, int width, ProcessingLogger filterLogger, ProcessingLogger projectLogger) {
    this.filtered = filtered;
    this.projector = projector;
    this.keyProjector = keyProjector;
    this.keySlots = keySlots;
    this.width = width;
    this.filterLogger = filterLogger;
    this.projectLogger = projectLogger;
  }

  /**
   * The step of {@code node}, a projection that is no table's change stream, run by the processor
   * named {@code processor}; a stream filter whose condition it runs itself has its rows counted as
   * the projection's.
   */
  static ProjectionStep of(ProjectNode node, String processor, BuildContext context) {
    ProcessingLogger projectLogger = context.loggerFor(node, processor);
    List<Expr> expressions = context.columnUses().usedExpressions(node);
    FilterNode filter = context.fusedFilterOf(node);
    if (filter != null) {
      // The projection passes on exactly the rows the filter lets through.
      context.stats().shareNodeRowsOut(filter.id(), context.stats().nodeRowsOut(node.id()));
      FilteredProjector compiled = ExpressionCompiler.compileFilteredProjector(
          filter.predicate(), expressions, filter.schema(), node.schema());
      return new ProjectionStep(compiled, null, null, null, 0, context.loggerFor(filter, processor), projectLogger);
    }
    RowSchema inputSchema = node.input().schema();
    RowProjector projector = ExpressionCompiler.compileProjector(expressions, inputSchema, node.schema());
    if (PlanNodes.aggregateOf(node) == null) {
      return new ProjectionStep(null, projector, null, null, 0, null, projectLogger);
    }
    int[] keySlots = node.schema().indexesOf(ColumnKind.KEY);
    List<Expr> keyExpressions = new ArrayList<>();
    for (int slot : keySlots) {
      keyExpressions.add(node.expressions().get(slot));
    }
    RowProjector keyProjector = ExpressionCompiler.compileProjector(
        keyExpressions, inputSchema, new RowSchema(node.schema().keyColumns()));
    return new ProjectionStep(null, projector, keyProjector, keySlots, node.schema().size(), null, projectLogger);
  }

  /**
   * The projected row (or {@link Tombstone}) of {@code value}, or null when it is filtered out.
   *
   * @throws Failure when the condition or a column cannot be computed
   */
  Object apply(Object value) {
    Object[] scratch = scratch();
    return scratch == null || passes((Object[]) value, scratch) ? project(value, scratch) : null;
  }

  /**
   * A scratch array for one row, to pass to {@link #passes} and then {@link #project}; null when
   * the step runs no condition.
   */
  Object[] scratch() {
    return filtered == null ? null : filtered.scratch();
  }

  /**
   * True if {@code row} passes the condition the step runs (always without one), for a reader that
   * projects only some of the rows that pass.
   *
   * @throws Failure when the condition cannot be computed
   */
  boolean passes(Object[] row, Object[] scratch) {
    if (filtered == null) {
      return true;
    }
    try {
      return filtered.test(row, scratch);
    } catch (RuntimeException e) {
      throw new Failure(filterLogger, "condition: " + Reasons.of(e));
    }
  }

  /**
   * The projected row (or {@link Tombstone}) of {@code value}, which {@link #passes} let through
   * with the same scratch array.
   *
   * @throws Failure when a column cannot be computed
   */
  Object project(Object value, Object[] scratch) {
    try {
      if (filtered != null) {
        return filtered.apply((Object[]) value, scratch);
      }
      if (keyProjector != null && value instanceof Tombstone tombstone) {
        Object[] key = keyProjector.apply(tombstone.row());
        Object[] row = new Object[width];
        for (int i = 0; i < keySlots.length; i++) {
          row[keySlots[i]] = key[i];
        }
        return new Tombstone(row);
      }
      return projector.apply((Object[]) value);
    } catch (RuntimeException e) {
      throw new Failure(projectLogger, Reasons.of(e));
    }
  }
}

package io.sluice.runtime.topology;

import io.sluice.plan.ColumnKind;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowProjector;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Builds a projection: one processor named after the node, running the projector compiled for
 * this query ({@link ProjectionStep}), and the condition of the stream filter before it when the
 * filter is read by nothing else. Over a table's changes (a push query over a table), it turns each
 * change into an upserted row or a deletion. A projection the step after it runs itself gets no
 * processor (see {@link SinkBuilder}, {@link WindowMaxJoinBuilder}).
 */
final class ProjectBuilder implements NodeBuilder<ProjectNode> {

  @Override
  public KStream<Object, Object> build(ProjectNode node, KStream<Object, Object> input, BuildContext context) {
    if (context.runsInReader(node)) {
      return input;
    }
    Downstream downstream = context.outputOf(node, node.id());
    if (PlanNodes.emitsTable(node) && PlanNodes.aggregateOf(node) == null) {
      RowProjector projector = ExpressionCompiler.compileProjector(
          context.columnUses().usedExpressions(node), node.input().schema(), node.schema());
      int[] valueSlots = node.schema().indexesOf(ColumnKind.VALUE);
      ProcessingLogger logger = context.loggerFor(node, node.id());
      return input.processValues(() -> new ChangeProjectProcessor(projector, valueSlots, downstream, logger),
          Named.as(node.id()));
    }
    ProjectionStep step = ProjectionStep.of(node, node.id(), context);
    return input.processValues(() -> new ProjectionProcessor(step, downstream), Named.as(node.id()));
  }
}

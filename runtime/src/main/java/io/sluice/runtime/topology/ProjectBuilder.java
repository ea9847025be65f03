package io.sluice.runtime.topology;

import io.sluice.plan.node.ProjectNode;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowProjector;

/** Builds a projection: one processor named after the node, running the projector compiled for this query. */
final class ProjectBuilder implements NodeBuilder<ProjectNode> {

  @Override
  public String entryName(ProjectNode node) {
    return node.id();
  }

  @Override
  public String exitName(ProjectNode node) {
    return node.id();
  }

  @Override
  public void build(ProjectNode node, BuildContext context) {
    RowProjector projector =
        ExpressionCompiler.compileProjector(node.expressions(), node.input().schema(), node.schema());
    Downstream downstream = context.downstreamOf(node);
    ProcessingLogger logger = context.loggerFor(node);
    context.topology().addProcessor(node.id(),
        () -> new ProjectProcessor(projector, downstream, logger), context.exitOf(node.input()));
    context.addProcessingLogSink(node, node.id());
  }
}

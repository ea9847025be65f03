package io.sluice.runtime.topology;

import io.sluice.plan.node.FilterNode;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowPredicate;

/** Builds a filter: one processor named after the node, running the predicate compiled for this query. */
final class FilterBuilder implements NodeBuilder<FilterNode> {

  @Override
  public String entryName(FilterNode node) {
    return node.id();
  }

  @Override
  public String exitName(FilterNode node) {
    return node.id();
  }

  @Override
  public void build(FilterNode node, BuildContext context) {
    RowPredicate predicate = ExpressionCompiler.compilePredicate(node.predicate(), node.input().schema());
    Downstream downstream = context.downstreamOf(node);
    ProcessingLogger logger = context.loggerFor(node);
    context.topology().addProcessor(node.id(),
        () -> new FilterProcessor(predicate, downstream, logger), context.exitOf(node.input()));
    context.addProcessingLogSink(node, node.id());
  }
}

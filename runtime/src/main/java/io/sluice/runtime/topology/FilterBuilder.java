package io.sluice.runtime.topology;

import io.sluice.plan.EmitMode;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowPredicate;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;

/**
 * Builds a filter: one processor named after the node, running the predicate compiled for this
 * query over stream rows, over both versions of a table's changes (WHERE on a table), or over an
 * aggregation's result rows (HAVING).
 */
final class FilterBuilder implements NodeBuilder<FilterNode> {

  @Override
  public KStream<Object, Object> build(FilterNode node, KStream<Object, Object> input, BuildContext context) {
    RowPredicate predicate = ExpressionCompiler.compilePredicate(node.predicate(), node.input().schema());
    Downstream downstream = context.outputOf(node, node.id());
    ProcessingLogger logger = context.loggerFor(node, node.id());
    AggregateNode aggregate = PlanNodes.aggregateOf(node);
    FixedKeyProcessorSupplier<Object, Object, Object> processor;
    if (aggregate != null) {
      boolean emitFinal = aggregate.emit() == EmitMode.FINAL;
      processor = () -> new ResultFilterProcessor(predicate, emitFinal, downstream, logger);
    } else if (PlanNodes.emitsTable(node)) {
      processor = () -> new ChangeFilterProcessor(predicate, downstream, logger);
    } else {
      processor = () -> new FilterProcessor(predicate, downstream, logger);
    }
    return input.processValues(processor, Named.as(node.id()));
  }
}

package io.sluice.runtime.topology;

import io.sluice.plan.ColumnKind;
import io.sluice.plan.RowSchema;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowProjector;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;

/**
 * Builds a projection: one processor named after the node, running the projector compiled for
 * this query. After an aggregation it also compiles the key columns alone, to give deletions their
 * new key. Over a table's changes (a push query over a table), it turns each change into an
 * upserted row or a deletion.
 */
final class ProjectBuilder implements NodeBuilder<ProjectNode> {

  @Override
  public KStream<Object, Object> build(ProjectNode node, KStream<Object, Object> input, BuildContext context) {
    boolean tableChanges = PlanNodes.emitsTable(node) && PlanNodes.aggregateOf(node) == null;
    RowSchema inputSchema = node.input().schema();
    RowProjector projector = ExpressionCompiler.compileProjector(
        context.columnUses().usedExpressions(node), inputSchema, node.schema());
    Downstream downstream = context.outputOf(node, node.id());
    ProcessingLogger logger = context.loggerFor(node, node.id());
    FixedKeyProcessorSupplier<Object, Object, Object> processor;
    if (tableChanges) {
      int[] valueSlots = node.schema().indexesOf(ColumnKind.VALUE);
      processor = () -> new ChangeProjectProcessor(projector, valueSlots, downstream, logger);
    } else if (PlanNodes.aggregateOf(node) != null) {
      int[] keySlots = node.schema().indexesOf(ColumnKind.KEY);
      List<Expr> keyExpressions = new ArrayList<>();
      for (int slot : keySlots) {
        keyExpressions.add(node.expressions().get(slot));
      }
      RowSchema keySchema = new RowSchema(node.schema().keyColumns());
      RowProjector keyProjector = ExpressionCompiler.compileProjector(keyExpressions, inputSchema, keySchema);
      int width = node.schema().size();
      processor = () -> new ResultProjectProcessor(projector, keyProjector, keySlots, width, downstream, logger);
    } else {
      processor = () -> new ProjectProcessor(projector, downstream, logger);
    }
    return input.processValues(processor, Named.as(node.id()));
  }
}

package io.sluice.runtime.topology;

import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.RowSchema;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.FilterNode;
import io.sluice.runtime.aggregate.Accumulators;
import io.sluice.runtime.aggregate.GroupKeySerde;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowPredicate;
import io.sluice.runtime.expr.RowProjector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * What an aggregation computes from each input row, compiled once per query: its group-by values,
 * its aggregate arguments and the condition of the stream filter before it when the aggregation
 * runs that filter itself ({@link AggregateInputs}), with the processing logs the processor that
 * computes them reports to: the aggregation's for a row it cannot group, the filter's for a
 * condition that fails.
 *
 * @param groupKeys the serde of the {@link io.sluice.runtime.aggregate.GroupKey}s of its groups (null where
 *     another serde is used)
 */
record AggregateInputStep(Supplier<AggregateInputs> inputs, ProcessingLogger logger, ProcessingLogger conditionLogger,
    Serde<Object> groupKeys) {

  /** The input step of {@code node}, computed by the processor named {@code processor}. */
  static AggregateInputStep of(AggregateNode node, Accumulators functions, String processor, BuildContext context) {
    RowSchema inputSchema = node.input().schema();
    List<Column> groupColumns = new ArrayList<>();
    for (int i = 0; i < node.groupBy().size(); i++) {
      groupColumns.add(new Column(node.schema().column(i).name(), node.groupBy().get(i).type(), ColumnKind.KEY));
    }
    RowProjector groupBy = ExpressionCompiler.compileProjector(node.groupBy(), inputSchema, new RowSchema(groupColumns));
    RowProjector arguments = AggregateBuilder.argumentsProjector(node, functions, inputSchema);
    List<String> groupNames = groupColumns.stream().map(Column::name).toList();
    FilterNode where = context.fusedFilterOf(node);
    RowPredicate condition = where == null ? null
        : ExpressionCompiler.compilePredicate(where.predicate(), where.input().schema());
    LongAdder passed = where == null ? null : context.stats().nodeRowsOut(where.id());
    ProcessingLogger conditionLogger = where == null ? null : context.loggerFor(where, processor);
    return new AggregateInputStep(() -> new AggregateInputs(groupBy, arguments, groupNames, condition, passed),
        context.loggerFor(node, processor), conditionLogger,
        Untyped.serde(new GroupKeySerde(groupColumns.stream().map(Column::type).toList())));
  }

  /** Reports what the last row {@code computed} could not use, through the processor's {@code context}. */
  void reportFailures(AggregateInputs computed, ProcessorContext<?, ?> context, long timestamp) {
    if (computed.failure() != null) {
      logger.log(context, ErrorType.EVALUATION_ERROR, computed.failure(), timestamp);
    }
    if (computed.conditionFailure() != null) {
      conditionLogger.log(context, ErrorType.EVALUATION_ERROR, computed.conditionFailure(), timestamp);
    }
  }
}

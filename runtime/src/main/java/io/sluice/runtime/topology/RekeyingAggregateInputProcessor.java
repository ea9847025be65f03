package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.GroupKey;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns rows, or a table's {@link Change}s, into aggregate inputs keyed by their {@link GroupKey},
 * ahead of the repartition that brings each group to one task. A change's old row becomes a
 * retraction under its old group and its new row an addition under its new group. A row that
 * cannot be aggregated is reported (an old row only was, when it was new) and skipped.
 */
final class RekeyingAggregateInputProcessor implements Processor<Object, Object, Object, Object> {

  private final AggregateInputs inputs;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private ProcessorContext<Object, Object> context;

  RekeyingAggregateInputProcessor(AggregateInputs inputs, Downstream downstream, ProcessingLogger logger) {
    this.inputs = inputs;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<Object, Object> record) {
    if (record.value() instanceof Change change) {
      if (change.oldRow() != null && inputs.compute(change.oldRow(), true)) {
        forward(record);
      }
      if (change.newRow() != null) {
        add(record, change.newRow());
      }
    } else {
      add(record, (Object[]) record.value());
    }
  }

  private void add(Record<Object, Object> record, Object[] row) {
    if (inputs.compute(row, false)) {
      forward(record);
    } else {
      logger.log(context, ErrorType.EVALUATION_ERROR, inputs.failure(), record.timestamp());
    }
  }

  private void forward(Record<Object, Object> record) {
    downstream.forward(context,
        new Record<>(new GroupKey(inputs.groupValues()), inputs.input(), record.timestamp(), record.headers()));
  }
}

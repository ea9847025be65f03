package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.GroupKey;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns rows, or a table's {@link Change}s, into aggregate inputs (see {@link AggregateInputs})
 * keyed by their {@link GroupKey}, ahead of the repartition that brings each group to one task. A
 * new row that cannot be aggregated is reported.
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
    int n = inputs.compute(record.value());
    for (int i = 0; i < n; i++) {
      downstream.forward(context,
          new Record<>(new GroupKey(inputs.group(i)), inputs.input(i), record.timestamp(), record.headers()));
    }
    if (inputs.failure() != null) {
      logger.log(context, ErrorType.EVALUATION_ERROR, inputs.failure(), record.timestamp());
    }
  }
}

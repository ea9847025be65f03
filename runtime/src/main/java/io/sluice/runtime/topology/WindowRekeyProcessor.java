package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.GroupKey;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns a windowed aggregation's final rows into the inputs of a re-aggregation per window (see
 * {@link WindowReaggregationBuilder}), keyed by a {@link GroupKey} of their group-by values followed
 * by their window's start and end, which the record key of each row carries, ahead of the
 * repartition that brings each window's groups to one task. A row that cannot be aggregated is reported.
 */
final class WindowRekeyProcessor implements Processor<Object, Object, Object, Object> {

  private final AggregateInputs inputs;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private ProcessorContext<Object, Object> context;

  WindowRekeyProcessor(AggregateInputs inputs, Downstream downstream, ProcessingLogger logger) {
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
    if (!(record.key() instanceof Windowed<?> windowed)) {
      throw new IllegalStateException("a re-aggregation per window reads rows without a window: " + record.key());
    }
    int n = inputs.compute(record.value());
    for (int i = 0; i < n; i++) {
      Object[] group = inputs.group(i);
      Object[] keyed = new Object[group.length + 2];
      System.arraycopy(group, 0, keyed, 0, group.length);
      keyed[group.length] = windowed.window().start();
      keyed[group.length + 1] = windowed.window().end();
      downstream.forward(context, new Record<>(new GroupKey(keyed), inputs.input(i), record.timestamp(), record.headers()));
    }
    if (inputs.failure() != null) {
      logger.log(context, ErrorType.EVALUATION_ERROR, inputs.failure(), record.timestamp());
    }
  }
}

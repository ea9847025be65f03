package io.sluice.runtime.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Turns rows, or a table's {@link Change}s, into aggregate inputs (see {@link AggregateInputs})
 * under the record's own key, for an aggregation that groups by exactly the source's key and so
 * needs no repartition. A new row that cannot be aggregated is reported.
 */
final class AggregateInputProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final AggregateInputs inputs;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private final ProcessingLogger conditionLogger;
  private FixedKeyProcessorContext<Object, Object> context;

  /** @param conditionLogger where a fused filter's failures go (see {@link AggregateInputs}), or null */
  AggregateInputProcessor(AggregateInputs inputs, Downstream downstream, ProcessingLogger logger,
      ProcessingLogger conditionLogger) {
    this.inputs = inputs;
    this.downstream = downstream;
    this.logger = logger;
    this.conditionLogger = conditionLogger;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    int n = inputs.compute(record.value());
    for (int i = 0; i < n; i++) {
      downstream.forward(context, record.withValue(inputs.input(i)));
    }
    if (inputs.failure() != null) {
      logger.log(context, record, ErrorType.EVALUATION_ERROR, inputs.failure(), record.timestamp());
    }
    if (inputs.conditionFailure() != null) {
      conditionLogger.log(context, record, ErrorType.EVALUATION_ERROR, inputs.conditionFailure(), record.timestamp());
    }
  }
}

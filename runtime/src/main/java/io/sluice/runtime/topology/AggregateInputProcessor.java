package io.sluice.runtime.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Turns rows, or a table's {@link Change}s, into aggregate inputs under the record's own key, for
 * an aggregation that groups by exactly the source's key and so needs no repartition. A change's
 * old row becomes a retraction, its new row an addition. A row that cannot be aggregated is
 * reported (an old row only was, when it was new) and skipped.
 */
final class AggregateInputProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final AggregateInputs inputs;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private FixedKeyProcessorContext<Object, Object> context;

  AggregateInputProcessor(AggregateInputs inputs, Downstream downstream, ProcessingLogger logger) {
    this.inputs = inputs;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    if (record.value() instanceof Change change) {
      if (change.oldRow() != null && inputs.compute(change.oldRow(), true)) {
        downstream.forward(context, record.withValue(inputs.input()));
      }
      if (change.newRow() != null) {
        add(record, change.newRow());
      }
    } else {
      add(record, (Object[]) record.value());
    }
  }

  private void add(FixedKeyRecord<Object, Object> record, Object[] row) {
    if (inputs.compute(row, false)) {
      downstream.forward(context, record.withValue(inputs.input()));
    } else {
      logger.log(context, record, ErrorType.EVALUATION_ERROR, inputs.failure(), record.timestamp());
    }
  }
}

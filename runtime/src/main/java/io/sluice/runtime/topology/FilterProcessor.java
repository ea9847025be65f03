package io.sluice.runtime.topology;

import io.sluice.runtime.expr.RowPredicate;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Passes on the rows its compiled predicate holds TRUE for; a row it fails on goes to the processing log. */
final class FilterProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final RowPredicate predicate;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private FixedKeyProcessorContext<Object, Object> context;

  FilterProcessor(RowPredicate predicate, Downstream downstream, ProcessingLogger logger) {
    this.predicate = predicate;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    boolean passes;
    try {
      passes = predicate.test((Object[]) record.value());
    } catch (RuntimeException e) {
      logger.log(context, record, ErrorType.EVALUATION_ERROR, "condition: " + Reasons.of(e), record.timestamp());
      return;
    }
    if (passes) {
      downstream.forward(context, record);
    }
  }
}

package io.sluice.runtime.topology;

import io.sluice.runtime.expr.RowProjector;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Computes each output row with the compiled projector; a row it fails on goes to the processing log. */
final class ProjectProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final RowProjector projector;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private FixedKeyProcessorContext<Object, Object> context;

  ProjectProcessor(RowProjector projector, Downstream downstream, ProcessingLogger logger) {
    this.projector = projector;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    Object[] projected;
    try {
      projected = projector.apply((Object[]) record.value());
    } catch (RuntimeException e) {
      logger.log(context, record, ErrorType.EVALUATION_ERROR, Reasons.of(e), record.timestamp());
      return;
    }
    downstream.forward(context, record.withValue(projected));
  }
}

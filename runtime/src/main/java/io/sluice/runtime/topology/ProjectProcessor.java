package io.sluice.runtime.topology;

import io.sluice.runtime.expr.RowProjector;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Computes each output row with its compiled projector; a row it fails on goes to the processing log. */
final class ProjectProcessor implements Processor<Void, Object[], Void, Object[]> {

  private final RowProjector projector;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private ProcessorContext<Void, Object[]> context;

  ProjectProcessor(RowProjector projector, Downstream downstream, ProcessingLogger logger) {
    this.projector = projector;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(ProcessorContext<Void, Object[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<Void, Object[]> record) {
    Object[] projected;
    try {
      projected = projector.apply(record.value());
    } catch (RuntimeException e) {
      logger.log(context, ErrorType.EVALUATION_ERROR, Reasons.of(e), record.timestamp());
      return;
    }
    downstream.forward(context, record.withValue(projected));
  }
}

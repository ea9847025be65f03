package io.sluice.runtime.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** A stream projection in a processor of its own: passes on what its {@link ProjectionStep} makes of each row. */
final class ProjectionProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final ProjectionStep step;
  private final Downstream downstream;
  private FixedKeyProcessorContext<Object, Object> context;

  ProjectionProcessor(ProjectionStep step, Downstream downstream) {
    this.step = step;
    this.downstream = downstream;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    Object projected;
    try {
      projected = step.apply(record.value());
    } catch (ProjectionStep.Failure failure) {
      failure.logger().log(context, record, ErrorType.EVALUATION_ERROR, failure.getMessage(), record.timestamp());
      return;
    }
    if (projected != null) {
      downstream.forward(context, record.withValue(projected));
    }
  }
}

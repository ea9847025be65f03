package io.sluice.runtime.topology;

import io.sluice.runtime.expr.FilteredProjector;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A stream filter and the projection after it in one processor: passes on the projected rows of
 * the rows the condition holds TRUE for. A row the condition fails on goes to the filter's
 * processing log, one a column fails on to the projection's, as the two processors would report them.
 */
final class FilteredProjectProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final FilteredProjector compiled;
  private final Downstream downstream;
  private final ProcessingLogger filterLogger;
  private final ProcessingLogger projectLogger;
  private FixedKeyProcessorContext<Object, Object> context;

  FilteredProjectProcessor(FilteredProjector compiled, Downstream downstream, ProcessingLogger filterLogger,
      ProcessingLogger projectLogger) {
    this.compiled = compiled;
    this.downstream = downstream;
    this.filterLogger = filterLogger;
    this.projectLogger = projectLogger;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    Object[] row = (Object[]) record.value();
    Object[] scratch = compiled.scratch();
    try {
      if (!compiled.test(row, scratch)) {
        return;
      }
    } catch (RuntimeException e) {
      filterLogger.log(context, record, ErrorType.EVALUATION_ERROR, "condition: " + Reasons.of(e), record.timestamp());
      return;
    }
    Object[] projected;
    try {
      projected = compiled.apply(row, scratch);
    } catch (RuntimeException e) {
      projectLogger.log(context, record, ErrorType.EVALUATION_ERROR, Reasons.of(e), record.timestamp());
      return;
    }
    downstream.forward(context, record.withValue(projected));
  }
}

package io.sluice.runtime.topology;

import io.sluice.runtime.expr.RowPredicate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Passes on the rows its compiled predicate holds TRUE for; a row it fails on goes to the processing log. */
final class FilterProcessor implements Processor<Void, Object[], Void, Object[]> {

  private final RowPredicate predicate;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private ProcessorContext<Void, Object[]> context;

  FilterProcessor(RowPredicate predicate, Downstream downstream, ProcessingLogger logger) {
    this.predicate = predicate;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(ProcessorContext<Void, Object[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<Void, Object[]> record) {
    boolean passes;
    try {
      passes = predicate.test(record.value());
    } catch (RuntimeException e) {
      logger.log(context, ErrorType.EVALUATION_ERROR, "condition: " + Reasons.of(e), record.timestamp());
      return;
    }
    if (passes) {
      downstream.forward(context, record);
    }
  }
}

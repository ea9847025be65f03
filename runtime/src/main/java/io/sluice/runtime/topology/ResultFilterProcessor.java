package io.sluice.runtime.topology;

import io.sluice.runtime.expr.RowPredicate;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A HAVING over an aggregation's result rows. Under EMIT CHANGES a row that fails the condition
 * becomes a {@link Tombstone}, since an earlier version of the group may have passed and been
 * written; under EMIT FINAL, where each window is written once, it is dropped. Tombstones pass.
 * A row the predicate fails on is reported and treated as failing.
 */
final class ResultFilterProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final RowPredicate predicate;
  private final boolean emitFinal;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private FixedKeyProcessorContext<Object, Object> context;

  ResultFilterProcessor(RowPredicate predicate, boolean emitFinal, Downstream downstream, ProcessingLogger logger) {
    this.predicate = predicate;
    this.emitFinal = emitFinal;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    if (record.value() instanceof Tombstone) {
      downstream.forward(context, record);
      return;
    }
    Object[] row = (Object[]) record.value();
    boolean passes;
    try {
      passes = predicate.test(row);
    } catch (RuntimeException e) {
      logger.log(context, record, ErrorType.EVALUATION_ERROR, "condition: " + Reasons.of(e), record.timestamp());
      passes = false;
    }
    if (passes) {
      downstream.forward(context, record);
    } else if (!emitFinal) {
      downstream.forward(context, record.withValue(new Tombstone(row)));
    }
  }
}

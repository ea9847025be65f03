package io.sluice.runtime.topology;

import io.sluice.runtime.expr.RowPredicate;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A WHERE over a table's {@link Change}s: each version of the row counts only if it passes, so a
 * row that starts failing the condition leaves the result and one that starts passing enters it.
 * A change neither version of which passes is dropped. A new version the predicate fails on is
 * reported and treated as failing.
 */
final class ChangeFilterProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final RowPredicate predicate;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private FixedKeyProcessorContext<Object, Object> context;

  ChangeFilterProcessor(RowPredicate predicate, Downstream downstream, ProcessingLogger logger) {
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
    Change change = (Change) record.value();
    Object[] oldRow = passes(change.oldRow()) ? change.oldRow() : null;
    Object[] newRow = change.newRow();
    try {
      if (newRow != null && !predicate.test(newRow)) {
        newRow = null;
      }
    } catch (RuntimeException e) {
      logger.log(context, record, ErrorType.EVALUATION_ERROR, "condition: " + Reasons.of(e), record.timestamp());
      newRow = null;
    }
    if (oldRow != null || newRow != null) {
      downstream.forward(context, record.withValue(new Change(oldRow, newRow)));
    }
  }

  /** Whether the old version passed; failures were reported when it was new. */
  private boolean passes(Object[] oldRow) {
    if (oldRow == null) {
      return false;
    }
    try {
      return predicate.test(oldRow);
    } catch (RuntimeException e) {
      return false;
    }
  }
}

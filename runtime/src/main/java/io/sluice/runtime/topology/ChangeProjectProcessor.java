package io.sluice.runtime.topology;

import io.sluice.runtime.expr.RowProjector;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Projects a table's {@link Change}s into the rows of a push query over the table: a change with a
 * new version becomes that version's output row (an upsert of its key); a deletion becomes a
 * {@link Tombstone} of the old version's key columns, its value columns null.
 */
final class ChangeProjectProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final RowProjector projector;
  private final int[] valueSlots;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private FixedKeyProcessorContext<Object, Object> context;

  ChangeProjectProcessor(RowProjector projector, int[] valueSlots, Downstream downstream, ProcessingLogger logger) {
    this.projector = projector;
    this.valueSlots = valueSlots;
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
    boolean deletion = change.newRow() == null;
    Object[] projected;
    try {
      projected = projector.apply(deletion ? change.oldRow() : change.newRow());
    } catch (RuntimeException e) {
      logger.log(context, record, ErrorType.EVALUATION_ERROR, Reasons.of(e), record.timestamp());
      return;
    }
    if (deletion) {
      for (int slot : valueSlots) {
        projected[slot] = null;
      }
      downstream.forward(context, record.withValue(new Tombstone(projected)));
    } else {
      downstream.forward(context, record.withValue(projected));
    }
  }
}

package io.sluice.runtime.topology;

import io.sluice.runtime.expr.RowProjector;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A projection of an aggregation's result rows: rows are projected whole, and a {@link Tombstone}
 * gets only its key columns computed (they read group-by columns only), so that the deletion is
 * written under the same key as the row it deletes.
 */
final class ResultProjectProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final RowProjector projector;
  private final RowProjector keyProjector;
  private final int[] keySlots;
  private final int width;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private FixedKeyProcessorContext<Object, Object> context;

  /**
   * @param keyProjector the key columns' expressions alone
   * @param keySlots where the key columns go in an output row
   * @param width the number of columns of an output row
   */
  ResultProjectProcessor(RowProjector projector, RowProjector keyProjector, int[] keySlots, int width,
      Downstream downstream, ProcessingLogger logger) {
    this.projector = projector;
    this.keyProjector = keyProjector;
    this.keySlots = keySlots;
    this.width = width;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    Object projected;
    try {
      if (record.value() instanceof Tombstone tombstone) {
        Object[] key = keyProjector.apply(tombstone.row());
        Object[] row = new Object[width];
        for (int i = 0; i < keySlots.length; i++) {
          row[keySlots[i]] = key[i];
        }
        projected = new Tombstone(row);
      } else {
        projected = projector.apply((Object[]) record.value());
      }
    } catch (RuntimeException e) {
      logger.log(context, record, ErrorType.EVALUATION_ERROR, Reasons.of(e), record.timestamp());
      return;
    }
    downstream.forward(context, record.withValue(projected));
  }
}

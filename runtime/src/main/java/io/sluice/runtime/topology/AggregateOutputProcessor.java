package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.AggregateRows;
import io.sluice.runtime.aggregate.AggregateState;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Turns an aggregation's changed groups into result rows in the aggregate's schema order: the
 * group-by values, each aggregate's result, then WINDOWSTART and WINDOWEND for a windowed group. A
 * deleted group (a merged-away session, or a table group whose last row left) becomes a
 * {@link Tombstone}. A result that cannot be computed (a DECIMAL sum beyond its precision) is reported.
 */
final class AggregateOutputProcessor implements FixedKeyProcessor<Object, AggregateState, Object> {

  private final AggregateRows rows;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private FixedKeyProcessorContext<Object, Object> context;

  AggregateOutputProcessor(AggregateRows rows, Downstream downstream, ProcessingLogger logger) {
    this.rows = rows;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<Object, AggregateState> record) {
    Object key = record.key();
    Window window = null;
    if (key instanceof Windowed<?> windowedKey) {
      window = windowedKey.window();
      key = windowedKey.key();
    }
    Object[] row = rows.keyRow(key, window);
    AggregateState state = record.value();
    if (state == null) {
      downstream.forward(context, record.withValue(new Tombstone(row)));
      return;
    }
    try {
      rows.fillResults(row, state);
    } catch (AggregateRows.ResultException e) {
      logger.log(context, record, ErrorType.EVALUATION_ERROR, Reasons.of(e),
          record.timestamp(), null, null);
      return;
    }
    downstream.forward(context, record.withValue(row));
  }
}

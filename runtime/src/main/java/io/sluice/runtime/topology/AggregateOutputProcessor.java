package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.AggregateState;
import io.sluice.runtime.aggregate.GroupKey;
import io.sluice.runtime.serde.KeyCodec;
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

  private final KeyCodec sourceKey;
  private final int groups;
  private final int aggregates;
  private final boolean windowed;
  private final String[] aggregateNames;
  private final int[] groupSlots;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private FixedKeyProcessorContext<Object, Object> context;

  /**
   * @param sourceKey the codec of the source key when the groups are keyed by the raw source key
   *     bytes, or null when they are keyed by {@link GroupKey}s
   * @param aggregateNames the result columns' names, for reasons
   */
  AggregateOutputProcessor(KeyCodec sourceKey, int groups, String[] aggregateNames, boolean windowed,
      Downstream downstream, ProcessingLogger logger) {
    this.sourceKey = sourceKey;
    this.groups = groups;
    this.aggregates = aggregateNames.length;
    this.aggregateNames = aggregateNames;
    this.windowed = windowed;
    this.groupSlots = new int[groups];
    for (int i = 0; i < groups; i++) {
      groupSlots[i] = i;
    }
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
    Object[] row = new Object[groups + aggregates + (windowed ? 2 : 0)];
    if (sourceKey != null) {
      sourceKey.deserializeInto((byte[]) key, row, groupSlots);
    } else {
      System.arraycopy(((GroupKey) key).values(), 0, row, 0, groups);
    }
    if (window != null) {
      row[groups + aggregates] = window.start();
      row[groups + aggregates + 1] = window.end();
    }
    AggregateState state = record.value();
    if (state == null) {
      downstream.forward(context, record.withValue(new Tombstone(row)));
      return;
    }
    for (int i = 0; i < aggregates; i++) {
      try {
        row[groups + i] = state.result(i);
      } catch (RuntimeException e) {
        logger.log(context, record, ErrorType.EVALUATION_ERROR, "column " + aggregateNames[i] + ": " + Reasons.of(e),
            record.timestamp(), null, null);
        return;
      }
    }
    downstream.forward(context, record.withValue(row));
  }
}

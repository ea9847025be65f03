package io.sluice.runtime.topology;

import io.sluice.runtime.QueryStats;
import io.sluice.runtime.serde.RowCodec;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns rows into the sink topic's key and value bytes, keeping the row's event time as the record
 * timestamp; a {@link Tombstone} becomes its key with a null value. A windowed result's key also
 * holds its window, taken from the record's windowed group key. Serializing here rather than in
 * the Kafka sink node lets a row that cannot be written go to the processing log instead of
 * failing the query. When the projection before the sink is run here, rows are projected first.
 */
final class SinkProcessor implements Processor<Object, Object, byte[], byte[]> {

  private final ProjectionStep projection;
  private final LongAdder projected;
  private final RowCodec codec;
  private final WindowedKeys windowedKeys;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private final QueryStats stats;
  private ProcessorContext<byte[], byte[]> context;

  /**
   * @param projection the projection run first, or null
   * @param projected the projection's count of rows passed on, or null
   * @param windowedKeys how to add the window to keys, or null for unwindowed rows
   */
  SinkProcessor(ProjectionStep projection, LongAdder projected, RowCodec codec, WindowedKeys windowedKeys, Downstream downstream, ProcessingLogger logger,
      QueryStats stats) {
    this.projection = projection;
    this.projected = projected;
    this.codec = codec;
    this.windowedKeys = windowedKeys;
    this.downstream = downstream;
    this.logger = logger;
    this.stats = stats;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<Object, Object> record) {
    Object output = record.value();
    if (projection != null) {
      try {
        output = projection.apply(output);
      } catch (ProjectionStep.Failure failure) {
        failure.logger().log(context, ErrorType.EVALUATION_ERROR, failure.getMessage(), record.timestamp());
        return;
      }
      if (output == null) {
        return;
      }
      projected.increment();
    }
    boolean deletion = output instanceof Tombstone;
    Object[] row = deletion ? ((Tombstone) output).row() : (Object[]) output;
    byte[] key;
    byte[] value;
    try {
      key = codec.serializeKey(row);
      value = deletion ? null : codec.serializeValue(row);
    } catch (RuntimeException e) {
      logger.log(context, ErrorType.SERIALIZATION_ERROR, Reasons.of(e), record.timestamp());
      return;
    }
    if (windowedKeys != null) {
      key = windowedKeys.of(key, ((Windowed<?>) record.key()).window());
    }
    downstream.forward(context, new Record<>(key, value, record.timestamp(), record.headers()));
    stats.recordOut();
  }
}

package io.sluice.runtime.topology;

import io.sluice.runtime.QueryStats;
import io.sluice.runtime.serde.RowCodec;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns rows into the sink topic's key and value bytes, keeping the row's event time as the record
 * timestamp. Serializing here rather than in the Kafka sink node lets a row that cannot be written
 * go to the processing log instead of failing the query.
 */
final class SinkProcessor implements Processor<Void, Object[], byte[], byte[]> {

  private final RowCodec codec;
  private final String writer;
  private final ProcessingLogger logger;
  private final QueryStats stats;
  private ProcessorContext<byte[], byte[]> context;

  /** @param writer the name of the Kafka sink node to forward the bytes to */
  SinkProcessor(RowCodec codec, String writer, ProcessingLogger logger, QueryStats stats) {
    this.codec = codec;
    this.writer = writer;
    this.logger = logger;
    this.stats = stats;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<Void, Object[]> record) {
    byte[] key;
    byte[] value;
    try {
      key = codec.serializeKey(record.value());
      value = codec.serializeValue(record.value());
    } catch (RuntimeException e) {
      logger.log(context, ErrorType.SERIALIZATION_ERROR, Reasons.of(e), record.timestamp());
      return;
    }
    context.forward(new Record<>(key, value, record.timestamp(), record.headers()), writer);
    stats.recordOut();
  }
}

package io.sluice.runtime.topology;

import io.sluice.runtime.serde.ColumnsCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Gives a source's records their event time from its timestamp column, so that Kafka Streams'
 * stream time (and with it window closing) follows that column. Only the one column is parsed.
 *
 * <p>A record whose timestamp cannot be read is not dropped here: returning -1 would make Kafka
 * Streams drop it with no more than a metric. Instead it gets the partition's current stream time
 * (0 before the first record), which neither moves stream time nor loses the record, and the
 * source's deserializer, which reads the same column with the same rules, reports it to the
 * processing log as a TIMESTAMP_ERROR with its topic, partition and offset and skips it.
 */
final class ColumnTimestampExtractor implements TimestampExtractor {

  private final ColumnsCodec codec;
  private final int codecColumn;
  private final boolean inKey;
  private final EventTime eventTime;

  /**
   * @param codec the key or value codec that holds the timestamp column
   * @param codecColumn the column's index among that codec's columns
   * @param inKey whether the column is in the record key rather than the value
   */
  ColumnTimestampExtractor(ColumnsCodec codec, int codecColumn, boolean inKey, EventTime eventTime) {
    this.codec = codec;
    this.codecColumn = codecColumn;
    this.inKey = inKey;
    this.eventTime = eventTime;
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    byte[] bytes = (byte[]) (inKey ? record.key() : record.value());
    try {
      return eventTime.millis(codec.deserializeColumn(bytes, codecColumn));
    } catch (RuntimeException unreadable) {
      return Math.max(partitionTime, 0);
    }
  }
}

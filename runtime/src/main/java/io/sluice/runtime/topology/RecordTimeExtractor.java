package io.sluice.runtime.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time from the record timestamp, for sources without a timestamp column. A record without a
 * valid (non-negative) timestamp takes the partition's stream time instead of stopping the query,
 * which is what Kafka Streams' default extractor would do.
 */
final class RecordTimeExtractor implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
  }
}

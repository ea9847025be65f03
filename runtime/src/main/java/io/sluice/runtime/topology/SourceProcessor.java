package io.sluice.runtime.topology;

import io.sluice.runtime.QueryStats;
import io.sluice.runtime.serde.RowCodec;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns a source topic's key and value bytes into rows: key columns, value columns, then the pseudo
 * columns ROWTIME (the event time), ROWPARTITION and ROWOFFSET. The record keeps its raw key bytes.
 * A record with a null value is skipped for a stream and passed on as a null row (a delete) for a
 * table; one that cannot be read, or whose timestamp column is bad, goes to the processing log.
 */
final class SourceProcessor implements FixedKeyProcessor<byte[], byte[], Object> {

  /** Where a source row's pseudo columns go; -1 for those the schema leaves out. */
  record PseudoSlots(int rowtime, int partition, int offset) {}

  private final RowCodec codec;
  private final SourceGate gate;
  private final int[] keyPositions;
  private final int[] valuePositions;
  private final PseudoSlots pseudo;
  private final EventTime eventTime;
  private final boolean table;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private final QueryStats stats;
  private FixedKeyProcessorContext<byte[], Object> context;

  /**
   * @param gate the part of the readers' conditions tried before the value is read, or null
   * @param eventTime the timestamp column, or null when event time is the record timestamp
   * @param table whether null values are deletes to pass on rather than records to skip
   */
  SourceProcessor(RowCodec codec, SourceGate gate, PseudoSlots pseudo, EventTime eventTime, boolean table,
      Downstream downstream,
      ProcessingLogger logger, QueryStats stats) {
    this.codec = codec;
    this.gate = gate;
    this.keyPositions = codec.keyPositions();
    this.valuePositions = codec.valuePositions();
    this.pseudo = pseudo;
    this.eventTime = eventTime;
    this.table = table;
    this.downstream = downstream;
    this.logger = logger;
    this.stats = stats;
  }

  @Override
  public void init(FixedKeyProcessorContext<byte[], Object> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<byte[], byte[]> record) {
    stats.recordIn();
    byte[] key = record.key();
    byte[] value = record.value();
    if (value == null) {
      if (table) {
        forward(record.withValue(null), key, null);
      }
      return;
    }
    Object[] row = new Object[codec.schema().size()];
    try {
      codec.keyCodec().deserializeInto(key, row, keyPositions);
      if (gate != null && !gate.admits(row, value, codec)) {
        downstream.countDropped();
        return;
      }
      codec.valueCodec().deserializeInto(value, row, valuePositions);
    } catch (RuntimeException e) {
      logger.log(context, record, ErrorType.DESERIALIZATION_ERROR, Reasons.of(e), record.timestamp(), key, value);
      return;
    }
    long timestamp = record.timestamp();
    if (eventTime != null) {
      try {
        timestamp = eventTime.millisOf(row);
      } catch (IllegalArgumentException e) {
        logger.log(context, record, ErrorType.TIMESTAMP_ERROR, e.getMessage(), null, key, value);
        return;
      }
    }
    setPseudoColumns(row, timestamp);
    FixedKeyRecord<byte[], Object> read = record.withValue((Object) row);
    // Each with... copies the record's headers: one copy when the time is the record's own.
    forward(timestamp == record.timestamp() ? read : read.withTimestamp(timestamp), key, value);
  }

  private void forward(FixedKeyRecord<byte[], Object> record, byte[] key, byte[] value) {
    CurrentInput input = CurrentInput.get();
    input.set(key, value);
    try {
      downstream.forward(context, record);
    } finally {
      input.clear();
    }
  }

  private void setPseudoColumns(Object[] row, long timestamp) {
    if (pseudo.rowtime() >= 0) {
      row[pseudo.rowtime()] = timestamp;
    }
    RecordMetadata metadata = context.recordMetadata().orElse(null);
    if (metadata != null) {
      if (pseudo.partition() >= 0) {
        row[pseudo.partition()] = metadata.partition();
      }
      if (pseudo.offset() >= 0) {
        row[pseudo.offset()] = metadata.offset();
      }
    }
  }
}

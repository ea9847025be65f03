package io.sluice.runtime.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Joins each stream row with the table's row for its key as the table is when the row is processed
 * (Kafka Streams processes a task's records in timestamp order across its partitions). An INNER
 * join drops a row the table has no row for; a LEFT join emits it with the table's columns null.
 * The joined row keeps the stream record's timestamp. The join key is the record key, or, for a
 * global table, computed from the row; a table record the lookup cannot read goes to the
 * processing log, and the row is joined as if the table had none.
 */
final class StreamTableJoinProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final TableLookup table;
  private final JoinKeys keys;
  private final boolean keepUnmatched;
  private final JoinRows rows;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private FixedKeyProcessorContext<Object, Object> context;

  /** @param keys how to compute the join key from a row, or null when the record key is the join key */
  StreamTableJoinProcessor(TableLookup table, JoinKeys keys, boolean keepUnmatched, JoinRows rows,
      Downstream downstream, ProcessingLogger logger) {
    this.table = table;
    this.keys = keys;
    this.keepUnmatched = keepUnmatched;
    this.rows = rows;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
    table.init(context);
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    Object[] row = (Object[]) record.value();
    byte[] key;
    try {
      key = keys == null ? (byte[]) record.key() : keys.of(row);
    } catch (RuntimeException e) {
      logger.log(context, record, ErrorType.EVALUATION_ERROR, "join key: " + Reasons.of(e), record.timestamp());
      return;
    }
    if (key == null) {
      return;
    }
    Object[] match = table.get(key);
    if (match == null && table.failure() != null) {
      logger.log(context, record, ErrorType.DESERIALIZATION_ERROR, table.failure(), record.timestamp());
    }
    if (match == null && !keepUnmatched) {
      return;
    }
    downstream.forward(context, record.withValue(rows.join(row, match)));
  }
}

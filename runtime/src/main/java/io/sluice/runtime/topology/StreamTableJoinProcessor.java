package io.sluice.runtime.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Joins each stream row with the table's row for its key as the table is when the row is processed
 * (Kafka Streams processes a task's records in timestamp order across its partitions). An INNER
 * join drops a row the table has no row for; a LEFT join emits it with the table's columns null.
 * The joined row keeps the stream record's timestamp.
 */
final class StreamTableJoinProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final TableView table;
  private final boolean keepUnmatched;
  private final JoinRows rows;
  private final Downstream downstream;
  private FixedKeyProcessorContext<Object, Object> context;

  StreamTableJoinProcessor(TableView table, boolean keepUnmatched, JoinRows rows, Downstream downstream) {
    this.table = table;
    this.keepUnmatched = keepUnmatched;
    this.rows = rows;
    this.downstream = downstream;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
    table.init(context);
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    if (record.key() == null) {
      return;
    }
    Object[] match = table.get((byte[]) record.key());
    if (match == null && !keepUnmatched) {
      return;
    }
    downstream.forward(context, record.withValue(rows.join((Object[]) record.value(), match)));
  }
}

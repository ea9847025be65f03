package io.sluice.runtime.topology;

import io.sluice.runtime.QueryStats;
import io.sluice.runtime.ResultListener;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The end of a push query: hands each row to the query's {@link ResultListener}, a
 * {@link Tombstone} as a deletion of its key. It forwards nothing, so the query writes no output
 * topic.
 */
final class ClientSinkProcessor implements Processor<Object, Object, Void, Void> {

  private final ResultListener listener;
  private final QueryStats stats;

  ClientSinkProcessor(ResultListener listener, QueryStats stats) {
    this.listener = listener;
    this.stats = stats;
  }

  @Override
  public void process(Record<Object, Object> record) {
    if (record.value() instanceof Tombstone tombstone) {
      listener.onRow(tombstone.row(), true);
    } else {
      listener.onRow((Object[]) record.value(), false);
    }
    stats.recordOut();
  }
}

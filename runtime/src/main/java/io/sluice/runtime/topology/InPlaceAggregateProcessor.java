package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.AggregateInput;
import io.sluice.runtime.aggregate.AggregateRows;
import io.sluice.runtime.aggregate.AggregateState;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Adds each aggregate input to its group's state in the store, in the task that read the row, and
 * forwards the group's new result row: an unwindowed stream aggregation whose groups each lie
 * within one input partition, which the DSL's aggregate would repartition first because the key
 * changed. It keeps what the DSL's aggregate keeps (a timestamped store whose timestamp is the
 * greatest of the group's row times, which the row carries), so pull queries read its store alike,
 * and makes the row itself, where the DSL's aggregate hands its state to {@code <id>-output}: one
 * processor hop fewer per row. A result that cannot be computed is reported.
 */
final class InPlaceAggregateProcessor implements Processor<Object, AggregateInput, Object, Object> {

  private final String storeName;
  private final Supplier<AggregateState> newState;
  private final AggregateRows rows;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private ProcessorContext<Object, Object> context;
  private TimestampedKeyValueStore<Object, AggregateState> groups;

  InPlaceAggregateProcessor(String storeName, Supplier<AggregateState> newState, AggregateRows rows,
      Downstream downstream, ProcessingLogger logger) {
    this.storeName = storeName;
    this.newState = newState;
    this.rows = rows;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.groups = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<Object, AggregateInput> record) {
    ValueAndTimestamp<AggregateState> old = groups.get(record.key());
    AggregateState state = (old == null ? newState.get() : old.value()).apply(record.value());
    long time = old == null ? record.timestamp() : Math.max(record.timestamp(), old.timestamp());
    groups.put(record.key(), ValueAndTimestamp.make(state, time));
    Object[] row = rows.keyRow(record.key(), null);
    try {
      rows.fillResults(row, state);
    } catch (AggregateRows.ResultException e) {
      logger.log(context, ErrorType.EVALUATION_ERROR, Reasons.of(e), time);
      return;
    }
    downstream.forward(context, new Record<Object, Object>(record.key(), row, time, record.headers()));
  }
}

package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.AggregateInput;
import io.sluice.runtime.aggregate.AggregateRows;
import io.sluice.runtime.aggregate.GroupKey;
import io.sluice.runtime.aggregate.AggregateState;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Adds each row to its group's state in the store, in the task that read the row, and forwards the
 * group's new result row: an unwindowed stream aggregation whose groups each lie within one input
 * partition, which the DSL's aggregate would repartition first because the key changed. It keeps
 * what the DSL's aggregate keeps (a timestamped store, keyed by {@link GroupKey}, whose timestamp
 * is the greatest of the group's row times, which the row carries), so pull queries read its store
 * alike. It computes the row's group and arguments itself ({@link AggregateInputStep}) and makes the
 * result row itself, where the DSL's aggregate has {@code <id>-input} before it and
 * {@code <id>-output} after it: two processor hops fewer per row. A row it cannot group, and a
 * result it cannot compute, are reported.
 */
final class InPlaceAggregateProcessor implements Processor<Object, Object, Object, Object> {

  private final String storeName;
  private final AggregateInputStep step;
  private final AggregateInputs inputs;
  private final Supplier<AggregateState> newState;
  private final AggregateRows rows;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private ProcessorContext<Object, Object> context;
  private TimestampedKeyValueStore<Object, AggregateState> groups;

  /** @param logger where results that cannot be computed are reported */
  InPlaceAggregateProcessor(String storeName, AggregateInputStep step, Supplier<AggregateState> newState,
      AggregateRows rows, Downstream downstream, ProcessingLogger logger) {
    this.storeName = storeName;
    this.step = step;
    this.inputs = step.inputs().get();
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
  public void process(Record<Object, Object> record) {
    int n = inputs.compute(record.value());
    for (int i = 0; i < n; i++) {
      aggregate(new GroupKey(inputs.group(i)), inputs.input(i), record);
    }
    step.reportFailures(inputs, context, record.timestamp());
  }

  private void aggregate(GroupKey key, AggregateInput input, Record<Object, Object> record) {
    ValueAndTimestamp<AggregateState> old = groups.get(key);
    AggregateState state = (old == null ? newState.get() : old.value()).apply(input);
    long time = old == null ? record.timestamp() : Math.max(record.timestamp(), old.timestamp());
    groups.put(key, ValueAndTimestamp.make(state, time));
    Object[] row = rows.keyRow(key, null);
    try {
      rows.fillResults(row, state);
    } catch (AggregateRows.ResultException e) {
      logger.log(context, ErrorType.EVALUATION_ERROR, Reasons.of(e), time);
      return;
    }
    downstream.forward(context, new Record<Object, Object>(key, row, time, record.headers()));
  }
}

package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.GroupKey;
import java.util.Arrays;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns rows, or a table's {@link Change}s, into aggregate inputs (see {@link AggregateInputs})
 * keyed by their {@link GroupKey}, ahead of the repartition that brings each group to one task (or
 * of an aggregation in place, {@link InPlaceAggregateProcessor}, whose groups are in one task already). A
 * new row that cannot be aggregated is reported. For a re-aggregation per window (see
 * {@link WindowReaggregationBuilder}), the key also holds the start and end of the window that each
 * windowed aggregation's row carries in its record key.
 */
final class RekeyingAggregateInputProcessor implements Processor<Object, Object, Object, Object> {

  private final AggregateInputStep step;
  private final AggregateInputs inputs;
  private final Downstream downstream;
  private final boolean perWindow;
  private ProcessorContext<Object, Object> context;

  /** @param perWindow whether rows are a windowed aggregation's, whose window goes into the key */
  RekeyingAggregateInputProcessor(AggregateInputStep step, Downstream downstream, boolean perWindow) {
    this.step = step;
    this.inputs = step.inputs().get();
    this.downstream = downstream;
    this.perWindow = perWindow;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<Object, Object> record) {
    Window window = perWindow ? windowOf(record) : null;
    int n = inputs.compute(record.value());
    for (int i = 0; i < n; i++) {
      Object[] group = inputs.group(i);
      if (window != null) {
        group = Arrays.copyOf(group, group.length + 2);
        group[group.length - 2] = window.start();
        group[group.length - 1] = window.end();
      }
      downstream.forward(context, new Record<>(new GroupKey(group), inputs.input(i), record.timestamp(), record.headers()));
    }
    step.reportFailures(inputs, context, record.timestamp());
  }

  private static Window windowOf(Record<Object, Object> record) {
    if (!(record.key() instanceof Windowed<?> windowed)) {
      throw new IllegalStateException("a re-aggregation per window reads rows without a window: " + record.key());
    }
    return windowed.window();
  }
}

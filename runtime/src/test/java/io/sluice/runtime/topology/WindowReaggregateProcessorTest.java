package io.sluice.runtime.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.node.AggregateCall;
import io.sluice.plan.node.AggregateFunction;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.aggregate.Accumulators;
import io.sluice.runtime.aggregate.AggregateInput;
import io.sluice.runtime.aggregate.AggregateState;
import io.sluice.runtime.aggregate.AggregateStateSerde;
import io.sluice.runtime.aggregate.GroupKey;
import io.sluice.runtime.aggregate.GroupKeySerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class WindowReaggregateProcessorTest {

  private static final String STORE = "aggregate2-store";
  private static final long GRACE = 4_000;

  private final Accumulators max = Accumulators.of(
      List.of(new AggregateCall(AggregateFunction.MAX, List.of(new InputRef(0, DataType.BIGINT)), DataType.BIGINT)),
      false);
  private final QueryStats stats = new QueryStats();
  private final MockProcessorContext<Object, AggregateState> context = new MockProcessorContext<>();
  private final KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE),
      Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();

  @Test
  void writesAWindowOnceItsStreamTimePassesItsEndPlusGraceAndDropsItsLateRows() {
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    WindowReaggregateProcessor processor = started();
    processor.process(row(0, 10_000, 3, 2_000));
    processor.process(row(0, 10_000, 5, 3_000));
    processor.process(row(4_000, 14_000, 1, 12_000));
    assertEquals(0, context.forwarded().size(), "a window ending at 10,000 plus the 4 s grace is not passed yet");
    processor.process(row(6_000, 16_000, 1, 15_000));
    assertEquals(1, context.forwarded().size(), "16,000 is past 10,000 plus the grace");
    Record<?, ? extends AggregateState> closed = context.forwarded().get(0).record();
    Windowed<?> window = (Windowed<?>) closed.key();
    assertEquals(0, ((GroupKey) window.key()).values().length);
    assertEquals(0L, window.window().start());
    assertEquals(10_000L, window.window().end());
    assertEquals(5L, closed.value().result(0));
    assertEquals(3_000L, closed.timestamp(), "the greatest time of the window's rows");
    processor.process(row(0, 10_000, 9, 4_000));
    assertEquals(1, stats.lateRecordsDropped());
    assertEquals(1, context.forwarded().size());
  }

  @Test
  void aRestartResumesTheStreamTimeFromTheStore() {
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    started().process(row(6_000, 16_000, 1, 15_000));
    WindowReaggregateProcessor restarted = started();
    restarted.process(row(0, 10_000, 9, 4_000));
    assertEquals(1, stats.lateRecordsDropped(), "late after the restart as before it");
  }

  private WindowReaggregateProcessor started() {
    Downstream downstream = new Downstream();
    downstream.resolve(List.of("output"));
    WindowReaggregateProcessor processor = new WindowReaggregateProcessor(STORE, GRACE, new GroupKeySerde(List.of()),
        new AggregateStateSerde(max), max::newState, stats, downstream);
    processor.init(context);
    return processor;
  }

  private static Record<Object, AggregateInput> row(long start, long end, long value, long time) {
    return new Record<>(new GroupKey(new Object[] {start, end}), AggregateInput.adding(new Object[] {value}), time);
  }
}

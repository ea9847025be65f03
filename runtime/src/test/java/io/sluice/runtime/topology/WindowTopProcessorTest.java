package io.sluice.runtime.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.plan.DataType;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.serde.BinaryRowSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class WindowTopProcessorTest {

  private static final String STORE = "join-store";
  private static final long GRACE = 4_000;
  /** Rows as a per-auction count's: AUCTION, NUM, WINDOWSTART, WINDOWEND. */
  private static final BinaryRowSerde ROWS =
      new BinaryRowSerde(List.of(DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT));

  private final QueryStats stats = new QueryStats();
  private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
  private final KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE),
      Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();

  @Test
  void writesAWindowsRowsAtItsGreatestValueWithTiesOnceItCloses() {
    WindowTopProcessor processor = started();
    processor.process(row(1, 3, 0, 10_000, 2_000));
    processor.process(row(2, 5, 0, 10_000, 3_000));
    processor.process(row(3, 2, 0, 10_000, 7_000));
    processor.process(row(4, 5, 0, 10_000, 4_000));
    processor.process(row(5, 1, 4_000, 14_000, 12_000));
    assertEquals(0, context.forwarded().size(), "a window ending at 10,000 plus the 4 s grace is not passed yet");
    processor.process(row(6, 1, 6_000, 16_000, 15_000));
    assertEquals(2, context.forwarded().size(), "auctions 2 and 4 tie at the greatest count, 5");
    assertJoined(context.forwarded().get(0).record(), 2, 5);
    assertJoined(context.forwarded().get(1).record(), 4, 5);
  }

  @Test
  void eachTieTakesOneEntryAndAGreaterValueForgetsTheRowsItBeats() {
    WindowTopProcessor processor = started();
    for (int auction = 0; auction < 100; auction++) {
      processor.process(row(auction, 1, 0, 10_000, 1_000 + auction));
    }
    assertEquals(102, store.approximateNumEntries(), "the stream time, the window's header and its 100 rows");
    processor.process(row(200, 2, 0, 10_000, 5_000));
    assertEquals(3, store.approximateNumEntries(), "the stream time, the header and the one row at 2");
    processor.process(row(6, 1, 6_000, 16_000, 15_000));
    assertEquals(1, context.forwarded().size());
    assertArrayEquals(new Object[] {200L, 2L, 0L, 10_000L, 2L, 0L, 10_000L},
        (Object[]) context.forwarded().get(0).record().value());
  }

  @Test
  void dropsAndCountsTheRowsOfAClosedWindow() {
    WindowTopProcessor processor = started();
    processor.process(row(1, 3, 0, 10_000, 2_000));
    processor.process(row(6, 1, 6_000, 16_000, 15_000));
    assertEquals(1, context.forwarded().size());
    processor.process(row(2, 9, 0, 10_000, 4_000));
    assertEquals(1, stats.lateRecordsDropped());
    assertEquals(1, context.forwarded().size());
  }

  @Test
  void aRestartResumesTheStreamTimeAndTheKeptRowsFromTheStore() {
    started().process(row(1, 3, 6_000, 16_000, 15_000));
    WindowTopProcessor restarted = started();
    restarted.process(row(2, 9, 0, 10_000, 4_000));
    assertEquals(1, stats.lateRecordsDropped(), "late after the restart as before it");
    restarted.process(row(3, 3, 6_000, 16_000, 15_500));
    restarted.process(row(4, 1, 12_000, 22_000, 21_000));
    assertEquals(2, context.forwarded().size(), "the row kept before the restart, and its tie after it");
    assertEquals(15_500L, context.forwarded().get(1).record().timestamp());
  }

  private WindowTopProcessor started() {
    if (context.getStateStore(STORE) == null) {
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    Downstream downstream = new Downstream();
    downstream.resolve(List.of("output"));
    WindowTopProcessor processor = new WindowTopProcessor(STORE, GRACE, 1, 2, 3, ROWS,
        new BinaryRowSerde(List.of(DataType.BIGINT)), stats, downstream);
    processor.init(context);
    return processor;
  }

  private static void assertJoined(Record<?, ?> record, long auction, long count) {
    assertArrayEquals(new Object[] {auction, count, 0L, 10_000L, count, 0L, 10_000L}, (Object[]) record.value());
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0}, (byte[]) record.key());
    assertEquals(7_000L, record.timestamp(), "the latest time of the window's rows, kept or not");
  }

  private static Record<Object, Object> row(long auction, long count, long start, long end, long time) {
    return new Record<>(new byte[8], new Object[] {auction, count, start, end}, time);
  }
}

package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Auction;
import io.sluice.bench.nexmark.NexmarkEvent;
import io.sluice.bench.nexmark.Person;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * q8 by hand: the people who joined and put an item up for auction in the same 10 s tumbling
 * window of event time: person id, name and window start, without a key (the SQL joins on three
 * columns, the id and the window bounds, and selects only one of them), once per window, when it
 * closes: as the SQL aggregates people and sellers per window each on its own, each side's rows
 * count until that side's stream time (in the task) passes the window's end plus
 * {@link #SQL_DEFAULT_GRACE_MS}, later ones are dropped as late, and a window is written once both
 * sides have closed it.
 *
 * <p>People are keyed by id already; auctions are re-keyed by seller through one repartition
 * topic with the input's partition count, carrying only their time. One RocksDB store, keyed by
 * window start then person id (so closed windows are one range at its front), holds what each
 * window has seen of a person: joined, sold, and the name.
 */
public final class Q8 extends Twin {

  static final long SIZE_MS = 10_000;
  private static final String WINDOWS = "q8-windows";
  private static final byte JOINED = 1;
  private static final byte SOLD = 2;

  @Override
  public String name() {
    return "q8";
  }

  @Override
  protected int[] eventTypes() {
    return new int[] {0, 1};
  }

  @Override
  protected void build(StreamsBuilder builder, KStream<byte[], NexmarkEvent> events, String outputTopic,
      int partitions) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(WINDOWS), Serdes.Bytes(), Serdes.ByteArray()));
    KStream<byte[], byte[]> people = events
        .filter((key, event) -> event instanceof Person)
        .mapValues(event -> ((Person) event).name().getBytes(StandardCharsets.UTF_8));
    KStream<byte[], byte[]> sellers = events
        .filter((key, event) -> event instanceof Auction)
        .map((key, event) -> KeyValue.pair(Keys.bigint(((Auction) event).seller()), (byte[]) null))
        .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray())
            .withName("q8-sellers").withNumberOfPartitions(partitions));
    write(people.merge(sellers).process(Windowed::new, WINDOWS), outputTopic);
  }

  /** Marks people and sellers per window (a null value is an auction, else a name) and writes closed windows. */
  private static final class Windowed implements Processor<byte[], byte[], byte[], byte[]> {

    private final JsonOut json = new JsonOut();
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Bytes, byte[]> windows;
    // Each side's own stream time, as the SQL's two window aggregations each close windows on theirs.
    private long personTime = Long.MIN_VALUE;
    private long sellerTime = Long.MIN_VALUE;
    private long closedBefore = Long.MIN_VALUE;

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
      this.windows = context.getStateStore(WINDOWS);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      boolean person = record.value() != null;
      if (person) {
        personTime = Math.max(personTime, record.timestamp());
      } else {
        sellerTime = Math.max(sellerTime, record.timestamp());
      }
      long start = record.timestamp() - Math.floorMod(record.timestamp(), SIZE_MS);
      if (WindowClock.open(start, SIZE_MS, person ? personTime : sellerTime)) {
        Bytes key = Bytes.wrap(Keys.pair(start, Keys.first(record.key())));
        byte[] old = windows.get(key);
        byte flags = (byte) ((old == null ? 0 : old[0]) | (record.value() == null ? SOLD : JOINED));
        byte[] name = record.value() != null ? record.value() : old == null ? new byte[0] : rest(old);
        byte[] updated = new byte[name.length + 1];
        updated[0] = flags;
        System.arraycopy(name, 0, updated, 1, name.length);
        windows.put(key, updated);
      }
      closeWindows();
    }

    /** Emits and forgets every window whose end plus grace both sides' stream times have reached. */
    private void closeWindows() {
      if (personTime == Long.MIN_VALUE || sellerTime == Long.MIN_VALUE) {
        return;
      }
      long firstOpen = WindowClock.firstOpenStart(Math.min(personTime, sellerTime), SIZE_MS, SIZE_MS);
      if (firstOpen <= closedBefore || firstOpen <= 0) {
        return;
      }
      closedBefore = firstOpen;
      List<KeyValue<Bytes, byte[]>> closed = new ArrayList<>();
      try (KeyValueIterator<Bytes, byte[]> entries =
          windows.range(Bytes.wrap(Keys.pair(0, 0)), Bytes.wrap(Keys.pair(firstOpen - 1, Long.MAX_VALUE)))) {
        entries.forEachRemaining(closed::add);
      }
      for (KeyValue<Bytes, byte[]> entry : closed) {
        windows.delete(entry.key);
        if (entry.value[0] == (JOINED | SOLD)) {
          long start = Keys.first(entry.key.get());
          byte[] value = json.start().number("ID", Keys.second(entry.key.get()))
              .string("NAME", new String(rest(entry.value), StandardCharsets.UTF_8)).number("STARTTIME", start).end();
          context.forward(new Record<>(null, value, start + SIZE_MS - 1));
        }
      }
    }

    private static byte[] rest(byte[] value) {
      byte[] rest = new byte[value.length - 1];
      System.arraycopy(value, 1, rest, 0, rest.length);
      return rest;
    }
  }
}

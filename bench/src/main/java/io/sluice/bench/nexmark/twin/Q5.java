package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import java.nio.ByteBuffer;
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
 * q5 by hand: per hopping window of 10 s every 2 s (event time), the auctions with the most bids in
 * the window, written once per window when it closes (end plus {@link #SQL_DEFAULT_GRACE_MS}), key
 * the auction id, value its bid count {@code NUM}. The SQL selects no join column for a key; the
 * twin keys by auction.
 *
 * <p>Two stages. Bids are keyed by auction already, so each input partition counts its own
 * auctions per window in RocksDB (keyed by window start then auction) without a repartition; when
 * windows close, it sends its partial result (per window the highest count and the auctions with
 * it) and how far it has closed, under one constant key, through a repartition topic to a single
 * combiner: the maximum is over all auctions, so it needs one place. The combiner merges partial
 * results per window and writes a window once every partition has closed it.
 */
public final class Q5 extends Twin {

  static final long SIZE_MS = 10_000;
  static final long ADVANCE_MS = 2_000;
  private static final String COUNTS = "q5-counts";
  private static final String PARTIAL = "q5-partial";
  private static final String PROGRESS = "q5-progress";
  private static final byte[] COMBINER = Keys.bigint(0);

  @Override
  public String name() {
    return "q5";
  }

  @Override
  protected int[] eventTypes() {
    return new int[] {2};
  }

  @Override
  protected void build(StreamsBuilder builder, KStream<byte[], NexmarkEvent> events, String outputTopic,
      int partitions) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(COUNTS), Serdes.Bytes(), Serdes.ByteArray()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PARTIAL), Serdes.Bytes(), Serdes.ByteArray()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PROGRESS), Serdes.Bytes(), Serdes.ByteArray()));
    KStream<byte[], byte[]> partials = events.process(Count::new, COUNTS)
        .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray())
            .withName("q5-partials").withNumberOfPartitions(1));
    write(partials.process(() -> new Combine(partitions), PARTIAL, PROGRESS), outputTopic);
  }

  /**
   * Stage one: counts bids per auction and window; on closing windows sends {@code [partition,
   * closedBefore, windows, then per window: start, max, auctions, auction ids...]}.
   */
  private static final class Count implements Processor<byte[], NexmarkEvent, byte[], byte[]> {

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Bytes, byte[]> counts;
    private long streamTime = Long.MIN_VALUE;
    private long closedBefore = Long.MIN_VALUE;

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
      this.counts = context.getStateStore(COUNTS);
    }

    @Override
    public void process(Record<byte[], NexmarkEvent> record) {
      Bid bid = (Bid) record.value();
      long time = record.timestamp();
      streamTime = Math.max(streamTime, time);
      long last = time - Math.floorMod(time, ADVANCE_MS);
      for (long start = last; start > time - SIZE_MS && start >= 0; start -= ADVANCE_MS) {
        if (WindowClock.open(start, SIZE_MS, streamTime)) {
          Bytes key = Bytes.wrap(Keys.pair(start, bid.auction()));
          byte[] old = counts.get(key);
          counts.put(key, Keys.bigint((old == null ? 0 : Keys.first(old)) + 1));
        }
      }
      long firstOpen = WindowClock.firstOpenStart(streamTime, SIZE_MS, ADVANCE_MS);
      if (firstOpen > closedBefore && firstOpen > 0) {
        closedBefore = firstOpen;
        context.forward(new Record<>(COMBINER, closeBefore(firstOpen), record.timestamp()));
      }
    }

    private byte[] closeBefore(long firstOpen) {
      List<KeyValue<Bytes, byte[]>> closed = new ArrayList<>();
      try (KeyValueIterator<Bytes, byte[]> entries =
          counts.range(Bytes.wrap(Keys.pair(0, 0)), Bytes.wrap(Keys.pair(firstOpen - 1, Long.MAX_VALUE)))) {
        entries.forEachRemaining(closed::add);
      }
      List<long[]> windows = new ArrayList<>(); // start, max, then the auctions with max
      List<Long> best = new ArrayList<>();
      long window = Long.MIN_VALUE;
      long max = 0;
      for (KeyValue<Bytes, byte[]> entry : closed) {
        counts.delete(entry.key);
        long start = Keys.first(entry.key.get());
        long count = Keys.first(entry.value);
        if (start != window) {
          addWindow(windows, window, max, best);
          window = start;
          max = 0;
          best.clear();
        }
        if (count > max) {
          max = count;
          best.clear();
        }
        if (count == max) {
          best.add(Keys.second(entry.key.get()));
        }
      }
      addWindow(windows, window, max, best);
      int size = Integer.BYTES + Long.BYTES + Integer.BYTES;
      for (long[] w : windows) {
        size += Long.BYTES * w.length + Integer.BYTES;
      }
      ByteBuffer out = ByteBuffer.allocate(size)
          .putInt(context.taskId().partition()).putLong(firstOpen).putInt(windows.size());
      for (long[] w : windows) {
        out.putLong(w[0]).putLong(w[1]).putInt(w.length - 2);
        for (int i = 2; i < w.length; i++) {
          out.putLong(w[i]);
        }
      }
      return out.array();
    }

    private static void addWindow(List<long[]> windows, long start, long max, List<Long> best) {
      if (start == Long.MIN_VALUE) {
        return;
      }
      long[] w = new long[best.size() + 2];
      w[0] = start;
      w[1] = max;
      for (int i = 0; i < best.size(); i++) {
        w[i + 2] = best.get(i);
      }
      windows.add(w);
    }
  }

  /** Stage two: merges the partitions' partial results per window, and writes the windows every partition has closed. */
  private static final class Combine implements Processor<byte[], byte[], byte[], byte[]> {

    private final int partitions;
    private final JsonOut json = new JsonOut();
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Bytes, byte[]> partial;
    private KeyValueStore<Bytes, byte[]> progress;

    Combine(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
      this.partial = context.getStateStore(PARTIAL);
      this.progress = context.getStateStore(PROGRESS);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      ByteBuffer in = ByteBuffer.wrap(record.value());
      int partition = in.getInt();
      long closedBefore = in.getLong();
      for (int windows = in.getInt(); windows > 0; windows--) {
        long start = in.getLong();
        long max = in.getLong();
        long[] auctions = new long[in.getInt()];
        for (int i = 0; i < auctions.length; i++) {
          auctions[i] = in.getLong();
        }
        merge(start, max, auctions);
      }
      WindowClock.reportProgress(progress, partition, closedBefore);
      long done = WindowClock.closedEverywhereBefore(progress, partitions);
      if (done == Long.MIN_VALUE) {
        return;
      }
      List<KeyValue<Bytes, byte[]>> complete = new ArrayList<>();
      try (KeyValueIterator<Bytes, byte[]> entries =
          partial.range(Bytes.wrap(Keys.bigint(0)), Bytes.wrap(Keys.bigint(done - 1)))) {
        entries.forEachRemaining(complete::add);
      }
      for (KeyValue<Bytes, byte[]> window : complete) {
        partial.delete(window.key);
        ByteBuffer w = ByteBuffer.wrap(window.value);
        long max = w.getLong();
        while (w.hasRemaining()) {
          context.forward(new Record<>(Keys.bigint(w.getLong()), json.start().number("NUM", max).end(),
              Keys.first(window.key.get()) + SIZE_MS - 1));
        }
      }
    }

    /** Keeps, per window, the highest count seen and the auctions with it: {@code [max, auction ids...]}. */
    private void merge(long start, long max, long[] auctions) {
      Bytes key = Bytes.wrap(Keys.bigint(start));
      byte[] old = partial.get(key);
      long oldMax = old == null ? -1 : ByteBuffer.wrap(old).getLong();
      if (max < oldMax) {
        return;
      }
      int kept = max == oldMax ? (old.length - Long.BYTES) / Long.BYTES : 0;
      ByteBuffer merged = ByteBuffer.allocate(Long.BYTES * (1 + kept + auctions.length)).putLong(max);
      if (kept > 0) {
        merged.put(old, Long.BYTES, kept * Long.BYTES);
      }
      for (long auction : auctions) {
        merged.putLong(auction);
      }
      partial.put(key, merged.array());
    }
  }
}

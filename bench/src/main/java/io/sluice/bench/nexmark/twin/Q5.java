package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * the window, with their bid count, written without a key (the SQL selects no column its join
 * equates on) as {@code {"AUCTION":..,"NUM":..}}.
 *
 * <p>When a window is written follows the SQL's plan: the per-auction counts of a window exist once
 * every partition's stream time has passed its end plus {@link #SQL_DEFAULT_GRACE_MS}; the SQL's
 * highest count per window re-aggregates those counts and closes a window when the greatest window
 * end it has read passes the window's end plus the grace (docs/sql.md, "Window joins"), so a window
 * is written once both hold.
 *
 * <p>Two stages. Bids are keyed by auction already, so each input partition counts its own auctions
 * without a repartition, per 2 s pane in RocksDB (keyed by pane start then auction); when windows
 * close, it sums their five panes and sends its partial result (per window the highest count and
 * the auctions with it) and how far it has closed, under one constant key, through a repartition
 * topic to a single combiner: the maximum is over all auctions, so it needs one place. The combiner
 * merges partial results per window and writes a window once every partition has closed it.
 */
public final class Q5 extends Twin {

  static final long SIZE_MS = 10_000;
  static final long ADVANCE_MS = 2_000;
  private static final String COUNTS = "q5-counts";
  private static final String PARTIAL = "q5-partial";
  private static final String PROGRESS = "q5-progress";
  private static final byte[] COMBINER = Keys.bigint(0);
  /** Where the combiner keeps the greatest end of the non-empty windows reported, as the SQL's re-aggregation does. */
  private static final Bytes GREATEST_END = Bytes.wrap(new byte[] {-1});

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
   * Stage one: counts bids per auction and 2 s pane (a hopping window is five panes, so a bid
   * updates one count, not five); on closing windows sums each window's panes and sends
   * {@code [partition, closedBefore, windows, then per window: start, max, auctions, auction ids...]}.
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
      long pane = time - Math.floorMod(time, ADVANCE_MS);
      // The newest window holding the bid starts at its pane; if that one is closed, so are the others.
      if (WindowClock.open(pane, SIZE_MS, streamTime)) {
        Bytes key = Bytes.wrap(Keys.pair(pane, bid.auction()));
        byte[] old = counts.get(key);
        counts.put(key, Keys.bigint((old == null ? 0 : Keys.first(old)) + 1));
      }
      long firstOpen = WindowClock.firstOpenStart(streamTime, SIZE_MS, ADVANCE_MS);
      if (firstOpen > closedBefore && firstOpen > 0) {
        byte[] report = closeBefore(firstOpen);
        closedBefore = firstOpen;
        context.forward(new Record<>(COMBINER, report, record.timestamp()));
      }
    }

    private byte[] closeBefore(long firstOpen) {
      long earliestPane;
      try (KeyValueIterator<Bytes, byte[]> all = counts.all()) {
        earliestPane = all.hasNext() ? Keys.first(all.next().key.get()) : firstOpen;
      }
      List<long[]> windows = new ArrayList<>(); // start, max, then the auctions with max
      long from = Math.max(closedBefore, Math.max(0, earliestPane - SIZE_MS + ADVANCE_MS));
      for (long start = from; start < firstOpen; start += ADVANCE_MS) {
        Map<Long, Long> perAuction = new HashMap<>();
        try (KeyValueIterator<Bytes, byte[]> panes = counts.range(Bytes.wrap(Keys.pair(start, 0)),
            Bytes.wrap(Keys.pair(start + SIZE_MS - ADVANCE_MS, Long.MAX_VALUE)))) {
          panes.forEachRemaining(entry -> perAuction.merge(Keys.second(entry.key.get()), Keys.first(entry.value),
              Long::sum));
        }
        long max = perAuction.values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (max > 0) {
          long[] auctions = perAuction.entrySet().stream().filter(e -> e.getValue() == max)
              .mapToLong(Map.Entry::getKey).sorted().toArray();
          long[] w = new long[auctions.length + 2];
          w[0] = start;
          w[1] = max;
          System.arraycopy(auctions, 0, w, 2, auctions.length);
          windows.add(w);
        }
        // The window starting at a pane is the last one holding it.
        List<Bytes> done = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> pane = counts.range(Bytes.wrap(Keys.pair(start, 0)),
            Bytes.wrap(Keys.pair(start, Long.MAX_VALUE)))) {
          pane.forEachRemaining(entry -> done.add(entry.key));
        }
        done.forEach(counts::delete);
      }
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
  }

  /** Stage two: merges the partitions' partial results per window; writes the windows every partition has closed. */
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
      byte[] greatest = progress.get(GREATEST_END);
      if (done == Long.MIN_VALUE || greatest == null) {
        return;
      }
      // The SQL's re-aggregation closes a window when the greatest window end read passes its end plus grace.
      long reaggregated = Keys.first(greatest) - SQL_DEFAULT_GRACE_MS - SIZE_MS;
      long through = Math.min(done - 1, reaggregated - 1);
      if (through < 0) {
        return;
      }
      List<KeyValue<Bytes, byte[]>> complete = new ArrayList<>();
      try (KeyValueIterator<Bytes, byte[]> entries =
          partial.range(Bytes.wrap(Keys.bigint(0)), Bytes.wrap(Keys.bigint(through)))) {
        entries.forEachRemaining(complete::add);
      }
      for (KeyValue<Bytes, byte[]> window : complete) {
        partial.delete(window.key);
        ByteBuffer w = ByteBuffer.wrap(window.value);
        long max = w.getLong();
        while (w.hasRemaining()) {
          context.forward(new Record<>(null, json.start().number("AUCTION", w.getLong()).number("NUM", max).end(),
              Keys.first(window.key.get()) + SIZE_MS - 1));
        }
      }
    }

    /** Keeps, per window, the highest count seen and the auctions with it: {@code [max, auction ids...]}. */
    private void merge(long start, long max, long[] auctions) {
      byte[] greatest = progress.get(GREATEST_END);
      if (greatest == null || Keys.first(greatest) < start + SIZE_MS) {
        progress.put(GREATEST_END, Keys.bigint(start + SIZE_MS));
      }
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

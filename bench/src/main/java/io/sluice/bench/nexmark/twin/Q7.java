package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import java.io.ByteArrayOutputStream;
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
 * q7 by hand: the bids whose price is the highest of a 10 s tumbling window (event time) ending at
 * most 10 s after the bid ({@code B.dateTime BETWEEN window_end - 10 s AND window_end}: the
 * window's own bids, and those made exactly at its end), written once per window when it closes
 * (end plus {@link #SQL_DEFAULT_GRACE_MS}). Key: the price (the SQL's first selected join column,
 * PRICE); value: AUCTION, BIDDER, {@code dateTime}, EXTRA (the other side, a subquery, has a dateTime
 * too, but only sources' columns clash in Sluice's names for a join's select items).
 *
 * <p>Two stages, as q5: each input partition keeps per window its highest price and only the bids
 * at that price (no other bid can be the window's highest), plus the bids made exactly at the
 * window's end; on closing it sends them and its progress under one constant key through a
 * repartition topic to a single combiner, which keeps the bids at the highest price over all
 * partitions and writes a window once every partition has closed it.
 */
public final class Q7 extends Twin {

  static final long SIZE_MS = 10_000;
  private static final String CANDIDATES = "q7-candidates";
  private static final String PARTIAL = "q7-partial";
  private static final String PROGRESS = "q7-progress";
  private static final byte[] COMBINER = Keys.bigint(0);
  private static final long MEMBERS = 0;
  private static final long AT_END = 1;
  private static final long NONE = Long.MIN_VALUE;

  @Override
  public String name() {
    return "q7";
  }

  @Override
  protected int[] eventTypes() {
    return new int[] {2};
  }

  @Override
  protected void build(StreamsBuilder builder, KStream<byte[], NexmarkEvent> events, String outputTopic,
      int partitions) {
    for (String store : List.of(CANDIDATES, PARTIAL, PROGRESS)) {
      builder.addStateStore(Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(store), Serdes.Bytes(), Serdes.ByteArray()));
    }
    KStream<byte[], byte[]> partials = events.process(Highest::new, CANDIDATES)
        .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray())
            .withName("q7-partials").withNumberOfPartitions(1));
    write(partials.process(() -> new Combine(partitions), PARTIAL, PROGRESS), outputTopic);
  }

  /** A candidate bid: {@code [price, value length, output value]}. */
  private static void candidate(ByteArrayOutputStream out, long price, byte[] value) {
    out.writeBytes(ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(price).putInt(value.length).array());
    out.writeBytes(value);
  }

  /**
   * Stage one: per window the highest price and the bids at it (store key {@code [start, 0]}:
   * {@code [max, candidates...]}), and the bids made at its end ({@code [start, 1]}: candidates);
   * on closing windows sends {@code [partition, closedBefore, windows, then per window: start,
   * max, candidate bytes, candidates...]}.
   */
  private static final class Highest implements Processor<byte[], NexmarkEvent, byte[], byte[]> {

    private final JsonOut json = new JsonOut();
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Bytes, byte[]> candidates;
    private long streamTime = Long.MIN_VALUE;
    private long closedBefore = Long.MIN_VALUE;

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
      this.candidates = context.getStateStore(CANDIDATES);
    }

    @Override
    public void process(Record<byte[], NexmarkEvent> record) {
      Bid bid = (Bid) record.value();
      long time = record.timestamp();
      streamTime = Math.max(streamTime, time);
      long start = time - Math.floorMod(time, SIZE_MS);
      if (WindowClock.open(start, SIZE_MS, streamTime)) {
        Bytes key = Bytes.wrap(Keys.pair(start, MEMBERS));
        byte[] old = candidates.get(key);
        long max = old == null ? NONE : ByteBuffer.wrap(old).getLong();
        if (bid.price() >= max) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.writeBytes(Keys.bigint(bid.price()));
          if (bid.price() == max) {
            out.write(old, Long.BYTES, old.length - Long.BYTES);
          }
          candidate(out, bid.price(), value(bid));
          candidates.put(key, out.toByteArray());
        }
      }
      if (time == start && WindowClock.open(start - SIZE_MS, SIZE_MS, streamTime)) {
        Bytes key = Bytes.wrap(Keys.pair(start - SIZE_MS, AT_END));
        byte[] old = candidates.get(key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (old != null) {
          out.writeBytes(old);
        }
        candidate(out, bid.price(), value(bid));
        candidates.put(key, out.toByteArray());
      }
      long firstOpen = WindowClock.firstOpenStart(streamTime, SIZE_MS, SIZE_MS);
      if (firstOpen > closedBefore && firstOpen > 0) {
        closedBefore = firstOpen;
        context.forward(new Record<>(COMBINER, closeBefore(firstOpen), record.timestamp()));
      }
    }

    private byte[] value(Bid bid) {
      return json.start().number("AUCTION", bid.auction()).number("BIDDER", bid.bidder())
          .number("dateTime", bid.dateTime()).string("EXTRA", bid.extra()).end();
    }

    private byte[] closeBefore(long firstOpen) {
      List<KeyValue<Bytes, byte[]>> closed = new ArrayList<>();
      try (KeyValueIterator<Bytes, byte[]> entries = candidates.range(
          Bytes.wrap(Keys.pair(0, 0)), Bytes.wrap(Keys.pair(firstOpen - 1, Long.MAX_VALUE)))) {
        entries.forEachRemaining(closed::add);
      }
      ByteArrayOutputStream windows = new ByteArrayOutputStream();
      int count = 0;
      for (int i = 0; i < closed.size(); i++) {
        long start = Keys.first(closed.get(i).key.get());
        long max = NONE;
        ByteArrayOutputStream bids = new ByteArrayOutputStream();
        for (; i < closed.size() && Keys.first(closed.get(i).key.get()) == start; i++) {
          KeyValue<Bytes, byte[]> entry = closed.get(i);
          candidates.delete(entry.key);
          if (Keys.second(entry.key.get()) == MEMBERS) {
            max = ByteBuffer.wrap(entry.value).getLong();
            bids.write(entry.value, Long.BYTES, entry.value.length - Long.BYTES);
          } else {
            bids.writeBytes(entry.value);
          }
        }
        i--;
        windows.writeBytes(ByteBuffer.allocate(2 * Long.BYTES + Integer.BYTES)
            .putLong(start).putLong(max).putInt(bids.size()).array());
        windows.writeBytes(bids.toByteArray());
        count++;
      }
      return ByteBuffer.allocate(Integer.BYTES + Long.BYTES + Integer.BYTES + windows.size())
          .putInt(context.taskId().partition()).putLong(firstOpen).putInt(count).put(windows.toByteArray()).array();
    }
  }

  /**
   * Stage two: per window {@code [max, candidates...]} over all partitions, candidates below the
   * max dropped; writes the candidates at the max of every window all partitions have closed.
   */
  private static final class Combine implements Processor<byte[], byte[], byte[], byte[]> {

    private final int partitions;
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
        byte[] bids = new byte[in.getInt()];
        in.get(bids);
        merge(start, max, bids);
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
          long price = w.getLong();
          byte[] value = new byte[w.getInt()];
          w.get(value);
          if (price == max) {
            context.forward(new Record<>(Keys.bigint(price), value, Keys.first(window.key.get()) + SIZE_MS));
          }
        }
      }
    }

    private void merge(long start, long max, byte[] bids) {
      Bytes key = Bytes.wrap(Keys.bigint(start));
      byte[] old = partial.get(key);
      long merged = Math.max(max, old == null ? NONE : ByteBuffer.wrap(old).getLong());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(Keys.bigint(merged));
      if (old != null) {
        keepAtLeast(out, ByteBuffer.wrap(old, Long.BYTES, old.length - Long.BYTES), merged);
      }
      keepAtLeast(out, ByteBuffer.wrap(bids), merged);
      partial.put(key, out.toByteArray());
    }

    private static void keepAtLeast(ByteArrayOutputStream out, ByteBuffer bids, long max) {
      while (bids.hasRemaining()) {
        long price = bids.getLong();
        byte[] value = new byte[bids.getInt()];
        bids.get(value);
        if (price >= max) {
          candidate(out, price, value);
        }
      }
    }
  }
}

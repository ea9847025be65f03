package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * q17 by hand: per auction and day (UTC), the bid count in all and per price band, and the lowest,
 * highest, mean and total price, every update written. Bids are keyed by auction already, and a
 * group never spans two auctions, so there is no repartition: one RocksDB store keyed by auction
 * and day holds seven longs per group. The output key is Sluice's JSON key of the two group columns.
 */
public final class Q17 extends Twin {

  private static final String STORE = "q17-stats";
  private static final long MILLIS_PER_DAY = 86_400_000L;

  @Override
  public String name() {
    return "q17";
  }

  @Override
  protected int[] eventTypes() {
    return new int[] {2};
  }

  @Override
  protected void build(StreamsBuilder builder, KStream<byte[], NexmarkEvent> events, String outputTopic,
      int partitions) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(STORE), Serdes.Bytes(), Serdes.ByteArray()));
    write(events.process(Stats::new, STORE), outputTopic);
  }

  private static final class Stats implements Processor<byte[], NexmarkEvent, byte[], byte[]> {

    private final JsonOut json = new JsonOut();
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Bytes, byte[]> store;
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
      this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<byte[], NexmarkEvent> record) {
      Bid bid = (Bid) record.value();
      long day = Math.floorDiv(bid.dateTime(), MILLIS_PER_DAY);
      if (day != cachedDay) {
        cachedDay = day;
        cachedDate = LocalDate.ofEpochDay(day).toString();
      }
      Bytes key = Bytes.wrap(ByteBuffer.allocate(2 * Long.BYTES).putLong(bid.auction()).putLong(day).array());
      byte[] old = store.get(key);
      long price = bid.price();
      ByteBuffer s = old == null ? ByteBuffer.allocate(7 * Long.BYTES) : ByteBuffer.wrap(old);
      long count = (old == null ? 0 : s.getLong(0)) + 1;
      long rank1 = (old == null ? 0 : s.getLong(8)) + (price < 10_000 ? 1 : 0);
      long rank2 = (old == null ? 0 : s.getLong(16)) + (price >= 10_000 && price < 1_000_000 ? 1 : 0);
      long rank3 = (old == null ? 0 : s.getLong(24)) + (price >= 1_000_000 ? 1 : 0);
      long min = old == null ? price : Math.min(s.getLong(32), price);
      long max = old == null ? price : Math.max(s.getLong(40), price);
      long sum = (old == null ? 0 : s.getLong(48)) + price;
      s.putLong(0, count).putLong(8, rank1).putLong(16, rank2).putLong(24, rank3).putLong(32, min).putLong(40, max)
          .putLong(48, sum);
      store.put(key, s.array());
      byte[] outKey = json.start().number("AUCTION", bid.auction()).string("day", cachedDate).end();
      byte[] value = json.start().number("TOTAL_BIDS", count).number("RANK1_BIDS", rank1)
          .number("RANK2_BIDS", rank2).number("RANK3_BIDS", rank3).number("MIN_PRICE", min)
          .number("MAX_PRICE", max).number("AVG_PRICE", (double) sum / count).number("SUM_PRICE", sum).end();
      context.forward(new Record<>(outKey, value, record.timestamp()));
    }
  }
}

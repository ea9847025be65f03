package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Auction;
import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * q20 by hand: every bid on a category-10 auction, with the auction's fields; an unbounded inner
 * join on {@code bid.auction = auction.id}, whatever order the two arrive in.
 *
 * <p>Bids and auctions are both keyed by auction id, so the join needs no repartition. What a
 * hand-writer knows of the model: an auction id names one auction. So the processor remembers
 * every auction it has seen (category-10 ones with their output fields, others as a marker), joins
 * a bid at once when its auction is known (or drops it, if that auction is not in category 10),
 * and otherwise keeps the bid until its auction comes. Output key: the bid's auction (the SQL's
 * first selected join column, AUCTION); the value its other columns, as Sluice names them
 * ({@code B_dateTime}, {@code A_EXTRA}: names both sides have get their source's alias).
 */
public final class Q20 extends Twin {

  private static final String AUCTIONS = "q20-auctions";
  private static final String WAITING_BIDS = "q20-waiting-bids";
  private static final byte[] NOT_IN_CATEGORY = new byte[0];

  @Override
  public String name() {
    return "q20";
  }

  @Override
  protected int[] eventTypes() {
    return new int[] {1, 2};
  }

  @Override
  protected void build(StreamsBuilder builder, KStream<byte[], NexmarkEvent> events, String outputTopic,
      int partitions) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(AUCTIONS), Serdes.Bytes(), Serdes.ByteArray()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(WAITING_BIDS), Serdes.Bytes(), Serdes.ByteArray()));
    write(events.process(Join::new, AUCTIONS, WAITING_BIDS), outputTopic);
  }

  private static final class Join implements Processor<byte[], NexmarkEvent, byte[], byte[]> {

    private final JsonOut json = new JsonOut();
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Bytes, byte[]> auctions;
    private KeyValueStore<Bytes, byte[]> waitingBids;

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
      this.auctions = context.getStateStore(AUCTIONS);
      this.waitingBids = context.getStateStore(WAITING_BIDS);
    }

    @Override
    public void process(Record<byte[], NexmarkEvent> record) {
      if (record.value() instanceof Bid bid) {
        byte[] auction = auctions.get(Bytes.wrap(Keys.bigint(bid.auction())));
        if (auction == null) {
          long offset = context.recordMetadata().map(m -> m.offset()).orElse(0L);
          waitingBids.put(Bytes.wrap(Keys.pair(bid.auction(), offset)), bidFields(bid));
        } else if (auction.length > 0) {
          forward(bid.auction(), bidFields(bid), auction, record.timestamp());
        }
      } else {
        Auction auction = (Auction) record.value();
        byte[] fields = auction.category() == 10 ? auctionFields(auction) : NOT_IN_CATEGORY;
        auctions.put(Bytes.wrap(Keys.bigint(auction.id())), fields);
        List<KeyValue<Bytes, byte[]>> waiting = new ArrayList<>();
        // Offsets are never negative, so one auction's waiting bids are one range of the store.
        try (KeyValueIterator<Bytes, byte[]> bids = waitingBids.range(
            Bytes.wrap(Keys.pair(auction.id(), 0L)), Bytes.wrap(Keys.pair(auction.id(), Long.MAX_VALUE)))) {
          bids.forEachRemaining(waiting::add);
        }
        for (KeyValue<Bytes, byte[]> bid : waiting) {
          waitingBids.delete(bid.key);
          if (fields.length > 0) {
            forward(auction.id(), bid.value, fields, record.timestamp());
          }
        }
      }
    }

    /** The bid's output columns, as the inside of a JSON object. */
    private byte[] bidFields(Bid bid) {
      return inside(json.start().number("BIDDER", bid.bidder()).number("PRICE", bid.price())
          .string("CHANNEL", bid.channel()).string("URL", bid.url()).number("B_dateTime", bid.dateTime())
          .string("B_EXTRA", bid.extra()).end());
    }

    private byte[] auctionFields(Auction a) {
      return inside(json.start().string("ITEMNAME", a.itemName()).string("DESCRIPTION", a.description())
          .number("INITIALBID", a.initialBid()).number("RESERVE", a.reserve()).number("A_dateTime", a.dateTime())
          .number("EXPIRES", a.expires()).number("SELLER", a.seller()).number("CATEGORY", a.category())
          .string("A_EXTRA", a.extra()).end());
    }

    private void forward(long auction, byte[] bidFields, byte[] auctionFields, long timestamp) {
      byte[] value = new byte[bidFields.length + auctionFields.length + 3];
      value[0] = '{';
      System.arraycopy(bidFields, 0, value, 1, bidFields.length);
      value[bidFields.length + 1] = ',';
      System.arraycopy(auctionFields, 0, value, bidFields.length + 2, auctionFields.length);
      value[value.length - 1] = '}';
      context.forward(new Record<>(Keys.bigint(auction), value, timestamp));
    }
  }

  /** A JSON object's bytes without its braces. */
  static byte[] inside(byte[] object) {
    byte[] inside = new byte[object.length - 2];
    System.arraycopy(object, 1, inside, 0, inside.length);
    return inside;
  }
}

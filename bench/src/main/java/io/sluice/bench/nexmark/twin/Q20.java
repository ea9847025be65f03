package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Auction;
import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
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
 * <p>Bids and auctions are both keyed by auction id, so the join needs no repartition. The join
 * keeps the SQL's semantics, not a shortcut the data would allow: every bid is kept (an auction
 * with its id may come later, even a second one), and every category-10 auction (one outside it
 * joins nothing the query keeps), each under its auction id and input offset, so that one id's
 * records are one range of a store. Output key: the bid's auction (the SQL's first selected join
 * column, AUCTION); the value its other columns, as Sluice names them ({@code B_dateTime},
 * {@code A_EXTRA}: names both sides have get their source's alias).
 */
public final class Q20 extends Twin {

  private static final String AUCTIONS = "q20-auctions";
  private static final String BIDS = "q20-bids";

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
        Stores.persistentKeyValueStore(BIDS), Serdes.Bytes(), Serdes.ByteArray()));
    write(events.process(Join::new, AUCTIONS, BIDS), outputTopic);
  }

  private static final class Join implements Processor<byte[], NexmarkEvent, byte[], byte[]> {

    private final JsonOut json = new JsonOut();
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Bytes, byte[]> auctions;
    private KeyValueStore<Bytes, byte[]> bids;

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
      this.auctions = context.getStateStore(AUCTIONS);
      this.bids = context.getStateStore(BIDS);
    }

    @Override
    public void process(Record<byte[], NexmarkEvent> record) {
      long offset = context.recordMetadata().map(m -> m.offset()).orElse(0L);
      if (record.value() instanceof Bid bid) {
        byte[] fields = bidFields(bid);
        bids.put(Bytes.wrap(Keys.pair(bid.auction(), offset)), fields);
        for (byte[] auction : sameId(auctions, bid.auction())) {
          forward(bid.auction(), fields, auction, record.timestamp());
        }
      } else {
        Auction auction = (Auction) record.value();
        if (auction.category() != 10) {
          return;
        }
        byte[] fields = auctionFields(auction);
        auctions.put(Bytes.wrap(Keys.pair(auction.id(), offset)), fields);
        for (byte[] bid : sameId(bids, auction.id())) {
          forward(auction.id(), bid, fields, record.timestamp());
        }
      }
    }

    /** The records a store keeps for one auction id: offsets are never negative, so they are one range. */
    private static List<byte[]> sameId(KeyValueStore<Bytes, byte[]> store, long id) {
      List<byte[]> found = new ArrayList<>();
      try (KeyValueIterator<Bytes, byte[]> records = store.range(
          Bytes.wrap(Keys.pair(id, 0L)), Bytes.wrap(Keys.pair(id, Long.MAX_VALUE)))) {
        records.forEachRemaining(kv -> found.add(kv.value));
      }
      return found;
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

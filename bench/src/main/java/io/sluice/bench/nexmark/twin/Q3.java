package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Auction;
import io.sluice.bench.nexmark.NexmarkEvent;
import io.sluice.bench.nexmark.Person;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * q3 by hand: the name, city and state of each seller in Oregon, Idaho or California, with the
 * id of every category-10 auction they sell; an unbounded inner join on {@code auction.seller =
 * person.id}, whatever order the two arrive in.
 *
 * <p>People are keyed by id already; only category-10 auctions are re-keyed by seller, through
 * one repartition topic with the input's partition count (so partition n of both holds the same
 * sellers), carrying the auction id alone. The join keeps the SQL's semantics, not a shortcut the
 * data would allow: every person in Oregon, Idaho or California and every category-10 auction is
 * kept (another record with the same id may come), under the seller id and input offset, so one
 * seller's records are one range of a store. Like the SQL, which selects no join column, the output
 * has no key.
 */
public final class Q3 extends Twin {

  private static final String PEOPLE = "q3-people";
  private static final String AUCTIONS = "q3-auctions";
  private static final Set<String> STATES = Set.of("OR", "ID", "CA");
  private static final byte PERSON = 'P';
  private static final byte AUCTION = 'A';

  @Override
  public String name() {
    return "q3";
  }

  @Override
  protected int[] eventTypes() {
    return new int[] {0, 1};
  }

  @Override
  protected void build(StreamsBuilder builder, KStream<byte[], NexmarkEvent> events, String outputTopic,
      int partitions) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PEOPLE), Serdes.Bytes(), Serdes.ByteArray()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(AUCTIONS), Serdes.Bytes(), Serdes.ByteArray()));
    ThreadLocal<JsonOut> json = ThreadLocal.withInitial(JsonOut::new);
    KStream<byte[], byte[]> people = events
        .filter((key, event) -> event instanceof Person person && STATES.contains(person.state()))
        .mapValues(event -> tagged(PERSON, personFields((Person) event, json.get())));
    KStream<byte[], byte[]> auctionsBySeller = events
        .filter((key, event) -> event instanceof Auction auction && auction.category() == 10)
        .map((key, event) -> KeyValue.pair(Keys.bigint(((Auction) event).seller()),
            tagged(AUCTION, Keys.bigint(((Auction) event).id()))))
        .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray())
            .withName("q3-auctions-by-seller").withNumberOfPartitions(partitions));
    write(people.merge(auctionsBySeller).process(Join::new, PEOPLE, AUCTIONS), outputTopic);
  }

  /** The person's output columns as the inside of a JSON object. */
  private static byte[] personFields(Person person, JsonOut json) {
    return Q20.inside(json.start().string("NAME", person.name()).string("CITY", person.city())
        .string("STATE", person.state()).end());
  }

  private static byte[] tagged(byte tag, byte[] bytes) {
    byte[] value = new byte[bytes.length + 1];
    value[0] = tag;
    System.arraycopy(bytes, 0, value, 1, bytes.length);
    return value;
  }

  private static final class Join implements Processor<byte[], byte[], byte[], byte[]> {

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<Bytes, byte[]> people;
    private KeyValueStore<Bytes, byte[]> auctions;

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
      this.people = context.getStateStore(PEOPLE);
      this.auctions = context.getStateStore(AUCTIONS);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      byte[] value = record.value();
      long seller = Keys.first(record.key());
      long offset = context.recordMetadata().map(m -> m.offset()).orElse(0L);
      byte[] fields = new byte[value.length - 1];
      System.arraycopy(value, 1, fields, 0, fields.length);
      if (value[0] == AUCTION) {
        auctions.put(Bytes.wrap(Keys.pair(seller, offset)), fields);
        long auction = ByteBuffer.wrap(fields).getLong();
        for (byte[] person : sameSeller(people, seller)) {
          forward(person, auction, record.timestamp());
        }
      } else {
        people.put(Bytes.wrap(Keys.pair(seller, offset)), fields);
        for (byte[] auction : sameSeller(auctions, seller)) {
          forward(fields, ByteBuffer.wrap(auction).getLong(), record.timestamp());
        }
      }
    }

    /** The records a store keeps for one seller: offsets are never negative, so they are one range. */
    private static List<byte[]> sameSeller(KeyValueStore<Bytes, byte[]> store, long seller) {
      List<byte[]> found = new ArrayList<>();
      try (KeyValueIterator<Bytes, byte[]> records = store.range(
          Bytes.wrap(Keys.pair(seller, 0L)), Bytes.wrap(Keys.pair(seller, Long.MAX_VALUE)))) {
        records.forEachRemaining(kv -> found.add(kv.value));
      }
      return found;
    }

    private void forward(byte[] personFields, long auction, long timestamp) {
      byte[] tail = (",\"ID\":" + auction + "}").getBytes(StandardCharsets.US_ASCII);
      byte[] value = new byte[1 + personFields.length + tail.length];
      value[0] = '{';
      System.arraycopy(personFields, 0, value, 1, personFields.length);
      System.arraycopy(tail, 0, value, 1 + personFields.length, tail.length);
      context.forward(new Record<>(null, value, timestamp));
    }
  }
}

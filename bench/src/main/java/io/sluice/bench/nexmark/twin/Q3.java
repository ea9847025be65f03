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
 * sellers), carrying the auction id alone. A person id names one person, so the processor
 * remembers every person (kept ones with their output fields, others as a marker), joins an
 * auction at once when its seller is known, and otherwise keeps it until the seller comes. The SQL
 * selects no join column, which Sluice's CREATE STREAM AS SELECT requires for its key; the twin
 * keys its output by the join key, the seller's id.
 */
public final class Q3 extends Twin {

  private static final String PEOPLE = "q3-people";
  private static final String WAITING_AUCTIONS = "q3-waiting-auctions";
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
        Stores.persistentKeyValueStore(WAITING_AUCTIONS), Serdes.Bytes(), Serdes.ByteArray()));
    ThreadLocal<JsonOut> json = ThreadLocal.withInitial(JsonOut::new);
    KStream<byte[], byte[]> people = events
        .filter((key, event) -> event instanceof Person)
        .mapValues(event -> tagged(PERSON, personFields((Person) event, json.get())));
    KStream<byte[], byte[]> auctionsBySeller = events
        .filter((key, event) -> event instanceof Auction auction && auction.category() == 10)
        .map((key, event) -> KeyValue.pair(Keys.bigint(((Auction) event).seller()),
            tagged(AUCTION, Keys.bigint(((Auction) event).id()))))
        .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray())
            .withName("q3-auctions-by-seller").withNumberOfPartitions(partitions));
    write(people.merge(auctionsBySeller).process(Join::new, PEOPLE, WAITING_AUCTIONS), outputTopic);
  }

  /** The person's output columns as the inside of a JSON object, or nothing when the state is not wanted. */
  private static byte[] personFields(Person person, JsonOut json) {
    return STATES.contains(person.state())
        ? Q20.inside(json.start().string("NAME", person.name()).string("CITY", person.city())
            .string("STATE", person.state()).end())
        : new byte[0];
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
    private KeyValueStore<Bytes, byte[]> waitingAuctions;

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
      this.context = context;
      this.people = context.getStateStore(PEOPLE);
      this.waitingAuctions = context.getStateStore(WAITING_AUCTIONS);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
      byte[] value = record.value();
      long id = Keys.first(record.key());
      if (value[0] == AUCTION) {
        long auction = ByteBuffer.wrap(value, 1, Long.BYTES).getLong();
        byte[] seller = people.get(Bytes.wrap(record.key()));
        if (seller == null) {
          waitingAuctions.put(Bytes.wrap(Keys.pair(id, auction)), new byte[0]);
        } else if (seller.length > 0) {
          forward(id, seller, auction, record.timestamp());
        }
        return;
      }
      byte[] fields = new byte[value.length - 1];
      System.arraycopy(value, 1, fields, 0, fields.length);
      people.put(Bytes.wrap(record.key()), fields);
      List<KeyValue<Bytes, byte[]>> waiting = new ArrayList<>();
      // Auction ids are never negative, so one seller's waiting auctions are one range of the store.
      try (KeyValueIterator<Bytes, byte[]> auctions = waitingAuctions.range(
          Bytes.wrap(Keys.pair(id, 0L)), Bytes.wrap(Keys.pair(id, Long.MAX_VALUE)))) {
        auctions.forEachRemaining(waiting::add);
      }
      for (KeyValue<Bytes, byte[]> auction : waiting) {
        waitingAuctions.delete(auction.key);
        if (fields.length > 0) {
          forward(id, fields, Keys.second(auction.key.get()), record.timestamp());
        }
      }
    }

    private void forward(long seller, byte[] personFields, long auction, long timestamp) {
      byte[] tail = (",\"ID\":" + auction + "}").getBytes(StandardCharsets.US_ASCII);
      byte[] value = new byte[1 + personFields.length + tail.length];
      value[0] = '{';
      System.arraycopy(personFields, 0, value, 1, personFields.length);
      System.arraycopy(tail, 0, value, 1 + personFields.length, tail.length);
      context.forward(new Record<>(Keys.bigint(seller), value, timestamp));
    }
  }
}

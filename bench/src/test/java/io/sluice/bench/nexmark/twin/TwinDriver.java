package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Auction;
import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import io.sluice.bench.nexmark.NexmarkJson;
import io.sluice.bench.nexmark.NexmarkLayout;
import io.sluice.bench.nexmark.Person;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Runs one twin on TopologyTestDriver: pipes Nexmark events as the loader writes them (nested JSON,
 * BIGINT key, event time as the record timestamp) and reads the output as {@code key | value} lines
 * ({@code -} for no key, {@code n} for a BIGINT key, {@code n@start} for a windowed one, else the key's text).
 */
final class TwinDriver implements AutoCloseable {

  /** 2015-07-15 00:00:00 UTC, the generator's base time: a multiple of every window size. */
  static final long T0 = 1_436_918_400_000L;

  private final TopologyTestDriver driver;
  private final TestInputTopic<byte[], byte[]> in;
  private final TestOutputTopic<byte[], byte[]> out;
  private final NexmarkJson json = new NexmarkJson();

  TwinDriver(Twin twin) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "twin-test-" + twin.name());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(twin.topology("in", "out", 1), props);
    in = driver.createInputTopic("in", new ByteArraySerializer(), new ByteArraySerializer());
    out = driver.createOutputTopic("out", new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  static Person person(long id, String name, String state, long time) {
    return new Person(id, name, name + "@example.com", "1234", "Boise", state, time, "");
  }

  static Auction auction(long id, long seller, long category, long time) {
    return new Auction(id, "item" + id, "desc", 100, 200, time, time + 100, seller, category, "");
  }

  static Bid bid(long auction, long bidder, long price, long time) {
    return bid(auction, bidder, price, time, "Google", "https://www.nexmark.com/abc/def/ghi/item.htm?query=1", "");
  }

  static Bid bid(long auction, long bidder, long price, long time, String channel, String url, String extra) {
    return new Bid(auction, bidder, price, channel, url, time, extra);
  }

  TwinDriver pipe(NexmarkEvent... events) {
    for (NexmarkEvent event : events) {
      in.pipeInput(Keys.bigint(event.key()), json.write(event, NexmarkLayout.NESTED), event.dateTime());
    }
    return this;
  }

  List<String> output() {
    return out.readRecordsToList().stream()
        .map(r -> key(r.key()) + " | " + (r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8)))
        .toList();
  }

  private static String key(byte[] key) {
    if (key == null) {
      return "-";
    }
    ByteBuffer buffer = ByteBuffer.wrap(key);
    return switch (key.length) {
      case Long.BYTES -> Long.toString(buffer.getLong());
      case 2 * Long.BYTES -> buffer.getLong() + "@" + buffer.getLong();
      default -> new String(key, StandardCharsets.UTF_8);
    };
  }

  @Override
  public void close() {
    driver.close();
  }
}

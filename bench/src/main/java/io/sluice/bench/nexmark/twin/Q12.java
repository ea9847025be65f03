package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * q12 by hand: each bidder's bid count per 10 s tumbling window of event time, every update
 * written (the SQL's window table function has no EMIT FINAL, so it emits changes). The grace is
 * the SQL form's default, 24 hours. Bids are keyed by auction, so they are re-keyed by bidder
 * through one repartition topic (carrying no value), then counted in a RocksDB window store.
 */
public final class Q12 extends Twin {

  static final Duration SIZE = Duration.ofSeconds(10);
  static final Duration GRACE = Duration.ofMillis(SQL_DEFAULT_GRACE_MS);
  private static final byte[] NOTHING = new byte[0];

  @Override
  public String name() {
    return "q12";
  }

  @Override
  protected int[] eventTypes() {
    return new int[] {2};
  }

  @Override
  protected void build(StreamsBuilder builder, KStream<byte[], NexmarkEvent> events, String outputTopic,
      int partitions) {
    ThreadLocal<JsonOut> json = ThreadLocal.withInitial(JsonOut::new);
    KStream<byte[], byte[]> out = events
        .map((key, event) -> KeyValue.pair(((Bid) event).bidder(), NOTHING))
        .groupByKey(Grouped.with("q12-by-bidder", Serdes.Long(), Serdes.ByteArray()))
        .windowedBy(TimeWindows.ofSizeAndGrace(SIZE, GRACE))
        .count(Materialized.as("q12-counts"))
        .toStream()
        .map((window, count) -> KeyValue.pair(
            Keys.windowed(window.key(), window.window().start()),
            json.get().start().number("BID_COUNT", count).number("WINDOW_START", window.window().start())
                .number("WINDOW_END", window.window().end()).end()));
    write(out, outputTopic);
  }
}

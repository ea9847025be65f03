package io.sluice.bench.agg;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.WindowedSerdes;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The hand-written Kafka Streams topologies Sluice is measured against: what a competent developer
 * would write for each benchmark query, with no SQL engine in between.
 */
final class BaselineTopologies {

  static final Duration WINDOW_SIZE = Duration.ofMinutes(1);
  static final Duration GRACE = Duration.ofSeconds(10);

  private BaselineTopologies() {}

  /**
   * Per user id (the record key), a tumbling one-minute window with 10 s grace counting the events
   * and summing their amounts in a RocksDB window store, every update written out with the key as
   * {@code TimeWindowedSerializer(LongSerializer)} and the value as {@code {"N":..,"TOTAL":..}}.
   */
  static Topology windowedCountAndSum(String inputTopic, String outputTopic) {
    Serde<Windowed<Long>> windowedKey = WindowedSerdes.timeWindowedSerdeFrom(Long.class, WINDOW_SIZE.toMillis());
    StreamsBuilder builder = new StreamsBuilder();
    // The key is the group key already, so nothing is repartitioned and no value serde is needed.
    events(builder, inputTopic)
        .groupByKey(Grouped.keySerde(Serdes.Long()))
        .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW_SIZE, GRACE))
        .aggregate(
            () -> CountAndSum.EMPTY,
            (user, event, totals) -> totals.add(event.amount()),
            Materialized.<Long, CountAndSum, WindowStore<Bytes, byte[]>>as("baseline-totals")
                .withKeySerde(Serdes.Long())
                .withValueSerde(CountAndSum.SERDE))
        .toStream()
        .mapValues(CountAndSum::toJson)
        .to(outputTopic, Produced.with(windowedKey, Serdes.ByteArray()));
    return builder.build();
  }

  /** Keeps the events with a positive amount and writes {@code {"AMOUNT":..}} under the same key. */
  static Topology filterAndProject(String inputTopic, String outputTopic) {
    StreamsBuilder builder = new StreamsBuilder();
    events(builder, inputTopic)
        .filter((user, event) -> event.amount() != null && event.amount() > 0)
        .mapValues(event -> ("{\"AMOUNT\":" + event.amount() + "}").getBytes(StandardCharsets.US_ASCII))
        .to(outputTopic, Produced.with(Serdes.Long(), Serdes.ByteArray()));
    return builder.build();
  }

  private static KStream<Long, EventFields> events(StreamsBuilder builder, String inputTopic) {
    return builder.stream(inputTopic, Consumed.with(Serdes.Long(), Serdes.ByteArray()))
        .mapValues(EventFields::parse);
  }
}

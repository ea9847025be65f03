package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.NexmarkEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A Nexmark query written by hand in Kafka Streams: what each query's twin shares. It reads the
 * nested Nexmark topic, parsing only the event types the query needs, and writes key and value
 * bytes exactly as Sluice's SQL form of the query writes them.
 */
public abstract class Twin {

  /**
   * The grace period of the SQL forms' windows: the nexmark stream's {@code GRACE_PERIOD='30 SECONDS'}
   * (ddl.sql, Flink Nexmark's watermark delay), which every window over its views takes. A twin
   * that emits when a window closes closes it when stream time passes its end plus this, and drops
   * rows of closed windows as late, as Sluice's windows do.
   */
  public static final long SQL_DEFAULT_GRACE_MS = 30_000L;

  /** The query's name, {@code q0} ... */
  public abstract String name();

  /** The event types the query reads: 0 person, 1 auction, 2 bid. */
  protected abstract int[] eventTypes();

  /**
   * Adds the query's processing to {@code builder}: from {@code events} (keyed by the input's key
   * bytes, values never null) to key and value bytes written to {@code outputTopic}.
   *
   * @param partitions the input topic's partition count
   */
  protected abstract void build(StreamsBuilder builder, KStream<byte[], NexmarkEvent> events, String outputTopic,
      int partitions);

  /** The whole topology, from the input topic to the output topic. */
  public final Topology topology(String inputTopic, String outputTopic, int partitions) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<byte[], NexmarkEvent> events = builder
        .stream(inputTopic, Consumed.with(Serdes.ByteArray(), Serdes.serdeFrom(Twin::notWritten,
            new EventReader(eventTypes()))))
        .filter((key, event) -> event != null);
    build(builder, events, outputTopic, partitions);
    return builder.build();
  }

  /** Events are only read: every twin writes bytes it made itself. */
  private static byte[] notWritten(String topic, NexmarkEvent event) {
    throw new UnsupportedOperationException("Nexmark events are not written by the twins");
  }

  /** Writes key and value bytes to the output topic unchanged. */
  protected static void write(KStream<byte[], byte[]> out, String outputTopic) {
    out.to(outputTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
  }

  /**
   * For the stateless queries over bids: each event's output value (or null to drop it), written
   * under the record's own key, the bid's auction id: the SQL selects the view's {@code auction},
   * which the view takes from the key, so it stays the key and is not in the value.
   */
  protected static void writeKeyedByAuction(KStream<byte[], NexmarkEvent> events, ValueMapper mapper,
      String outputTopic) {
    ThreadLocal<JsonOut> json = ThreadLocal.withInitial(JsonOut::new);
    KStream<byte[], byte[]> out = events
        .mapValues(event -> mapper.value(event, json.get()))
        .filter((key, value) -> value != null);
    write(out, outputTopic);
  }

  /** One event's output value, written with {@code json}; null drops the event. */
  @FunctionalInterface
  protected interface ValueMapper {
    byte[] value(NexmarkEvent event, JsonOut json);
  }
}

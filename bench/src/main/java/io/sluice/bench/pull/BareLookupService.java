package io.sluice.bench.pull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.query.StreamsProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The baseline: what a developer would write by hand to serve counts per key, no SQL. A Kafka
 * Streams app counts the events per key into a RocksDB key-value store (with the Kafka Streams
 * settings of a Sluice persistent query), and a bare Javalin route on its own port answers
 * {@code POST /lookup {"key":K}} with an IQv2 {@code KeyQuery} on the key's partition only.
 */
final class BareLookupService implements AutoCloseable {

  static final String PATH = "/lookup";
  private static final String STORE = "counts";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Properties streamsConfig;
  private final KafkaStreams streams;
  private final int partitions;
  private Javalin http;

  BareLookupService(String bootstrapServers, Path dataDir, String topic, int partitions) {
    SluiceConfig config = SluiceConfig.of(Map.of(
        SluiceConfig.BOOTSTRAP_SERVERS, bootstrapServers,
        SluiceConfig.SERVICE_ID, "bench-pull-baseline",
        SluiceConfig.DATA_DIR, dataDir.toString()));
    this.streamsConfig = StreamsProperties.forQuery(config, bootstrapServers, "BASELINE", Map.of());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(topic, Consumed.with(Serdes.Long(), Serdes.ByteArray()))
        .groupByKey()
        .count(Materialized.<Long, Long, KeyValueStore<Bytes, byte[]>>as(STORE)
            .withKeySerde(Serdes.Long()).withValueSerde(Serdes.Long()));
    this.streams = new KafkaStreams(builder.build(), streamsConfig);
    this.partitions = partitions;
  }

  /** Starts the Kafka Streams app and returns its consumer group, whose progress tells when it has read the topic. */
  String start() {
    streams.start();
    return streamsConfig.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
  }

  /** Opens the HTTP route on a free port and returns its base URL. */
  URI serve() {
    http = Javalin.create(javalin -> {
      javalin.startup.showJavalinBanner = false;
      javalin.startup.showOldJavalinVersionWarning = false;
      javalin.routes.post(PATH, ctx -> {
        long key = JSON.readTree(ctx.bodyAsBytes()).path("key").asLong();
        Long count = lookup(key);
        if (count == null) {
          ctx.status(404).result("{\"error\":\"no such key\"}");
        } else {
          ctx.contentType("application/json").result("{\"USERID\":" + key + ",\"N\":" + count + "}");
        }
      });
    });
    http.start("127.0.0.1", 0);
    return URI.create("http://127.0.0.1:" + http.port());
  }

  KafkaStreams.State state() {
    return streams.state();
  }

  private Long lookup(long key) {
    byte[] serialized = Serdes.Long().serializer().serialize(null, key);
    int partition = Utils.toPositive(Utils.murmur2(serialized)) % partitions;
    StateQueryRequest<Long> request = StateQueryRequest.inStore(STORE)
        .withQuery(KeyQuery.<Long, Long>withKey(key))
        .withPartitions(Set.of(partition));
    StateQueryResult<Long> result = streams.query(request);
    QueryResult<Long> answer = result.getPartitionResults().get(partition);
    if (answer == null || answer.isFailure()) {
      throw new IllegalStateException("IQv2 lookup of key " + key + " failed: "
          + (answer == null ? "no result for partition " + partition : answer.getFailureMessage()));
    }
    return answer.getResult();
  }

  @Override
  public void close() {
    if (http != null) {
      http.stop();
    }
    streams.close(Duration.ofSeconds(60));
  }
}

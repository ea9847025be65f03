package io.sluice.bench.agg;

import io.sluice.bench.e2e.Contender;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.kafka.Topics;
import io.sluice.server.query.StreamsProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The hand-written Kafka Streams application, run with exactly the Kafka Streams settings Sluice
 * gives its persistent queries (taken from {@link StreamsProperties}, so they cannot drift apart).
 */
final class BaselineContender implements Contender {

  private final Properties streamsConfig;
  private final Topics topics;
  private final int partitions;
  private final BenchQuery query;
  private final String inputTopic;
  private final String outputTopic;
  private KafkaStreams streams;

  BaselineContender(String bootstrapServers, Admin admin, Path dataDir, String serviceId, int partitions,
      BenchQuery query, String inputTopic, String outputTopic) {
    SluiceConfig config = SluiceConfig.of(Map.of(
        SluiceConfig.BOOTSTRAP_SERVERS, bootstrapServers,
        SluiceConfig.SERVICE_ID, serviceId,
        SluiceConfig.DATA_DIR, dataDir.toString()));
    this.streamsConfig = StreamsProperties.forQuery(config, bootstrapServers, "BASELINE", Map.of());
    this.topics = new Topics(admin);
    this.partitions = partitions;
    this.query = query;
    this.inputTopic = inputTopic;
    this.outputTopic = outputTopic;
  }

  @Override
  public String name() {
    return "baseline";
  }

  @Override
  public String outputTopic() {
    return outputTopic;
  }

  @Override
  public void prepare() {
    // Sluice creates its output topic before its query starts, with the input's partition count; so does the baseline.
    topics.create(outputTopic, partitions, (short) 1, Map.of());
    streams = new KafkaStreams(query.baseline(inputTopic, outputTopic), streamsConfig);
  }

  @Override
  public String start() {
    streams.start();
    return streamsConfig.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
  }

  @Override
  public Optional<String> failure() {
    KafkaStreams.State state = streams.state();
    return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
        ? Optional.of("the baseline's Kafka Streams application is in state " + state)
        : Optional.empty();
  }

  @Override
  public void close() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(60));
      streams = null;
    }
  }
}

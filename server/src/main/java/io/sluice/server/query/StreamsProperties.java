package io.sluice.server.query;

import io.sluice.server.config.SluiceConfig;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings of one persistent query, in rising precedence: Sluice's defaults,
 * what the query's topology allows (a built query's settings, such as the task idling of
 * {@code io.sluice.runtime.InputOrder}), the server's {@code streams.*} settings, then the
 * statement's own streamsProperties.
 *
 * <p>Defaults: exactly-once v2; read from the earliest offset, so a new query over an existing
 * stream processes its history (ksqlDB defaults to latest; see docs/sql.md); one stream thread;
 * commits every 100 ms; a 10 s consumer session; no state store cache, so that an aggregation
 * under EMIT CHANGES writes every update, as the SQL promises; outer stream-stream joins write
 * unmatched rows on the first record after their window closes; a quick start (10 ms between
 * checks that new internal topics are ready, 50 ms fetch waits while stores restore). Each node
 * names its advertised REST endpoint as {@code application.server}, so nodes find which one owns
 * a key.
 */
public final class StreamsProperties {

  private StreamsProperties() {}

  public static Properties forQuery(SluiceConfig config, String bootstrapServers, String queryId,
      Map<String, String> statementOverrides) {
    return forQuery(config, bootstrapServers, queryId, Map.of(), statementOverrides);
  }

  /**
   * The settings of a persistent query whose topology allows {@code topologySettings} (a built
   * query's), which take precedence over Sluice's defaults and yield to the server's and the
   * statement's settings.
   */
  public static Properties forQuery(SluiceConfig config, String bootstrapServers, String queryId,
      Map<String, Object> topologySettings, Map<String, String> statementOverrides) {
    Map<String, Object> props = new HashMap<>();
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
    // An outer stream-stream join looks for unmatched rows whose window closed at most once a
    // second of wall-clock time, and only when a record arrives; after a restart its first record
    // always looks, so the record that closes the windows, if it comes within that second, would
    // write nothing and the rows would wait for more input. Look on every record that may close one.
    props.put(StreamsConfig.InternalConfig.EMIT_INTERVAL_MS_KSTREAMS_OUTER_JOIN_SPURIOUS_RESULTS_FIX, 0L);
    // Each query is one group member; after a crash its restart waits out the old member's
    // session, so keep that short (Kafka's default is 45 s).
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    // Kafka Streams waits this long between its checks that the internal topics it has just created
    // are ready, three times or so for each batch (repartition topics, then changelogs): 0.6 s of
    // a query's start with Kafka's 100 ms. The check runs in the main consumer's assignor, which
    // reads the setting from that consumer's configuration, so the main consumer retries failed
    // requests after 10 ms too (doubling up to retry.backoff.max.ms, 1 s); the other clients keep
    // Kafka's 100 ms.
    props.put(StreamsConfig.RETRY_BACKOFF_MS_CONFIG, 10L);
    props.put(StreamsConfig.restoreConsumerPrefix(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG), 100L);
    props.put(StreamsConfig.producerPrefix(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG), 100L);
    props.put(StreamsConfig.adminClientPrefix(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG), 100L);
    // A task's stores are ready once the restore consumer has read their changelogs to the end; an
    // empty changelog's fetch waits out fetch.max.wait.ms for data that is not coming (Kafka's
    // 500 ms, each time a batch of tasks is restored: a second of a new query's start).
    props.put(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
    props.putAll(topologySettings);
    props.putAll(config.kafkaOverrides());
    props.putAll(config.streamsOverrides());
    statementOverrides.forEach((key, value) -> props.put(stripKsqlPrefix(key), value));
    // Identity and placement are the server's, whatever a statement asks for.
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(config, queryId));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.streamsStateDir().toString());
    // Tells the other nodes of the service where this node answers for the partitions it owns.
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer(config.advertisedUrl()));
    Properties properties = new Properties();
    properties.putAll(props);
    return properties;
  }

  /**
   * The Kafka Streams settings of one transient (push) query: those of a persistent query, then
   * at-least-once (a push query's client gets no transactional output, so exactly-once would only
   * slow it), reading from the latest offset unless the request asks for earliest (as ksqlDB), with
   * its own application id {@code <service.id>_transient_<queryId>}; {@code topologySettings} are
   * those its built topology allows.
   */
  public static Properties forTransientQuery(SluiceConfig config, String bootstrapServers, String queryId,
      Map<String, Object> topologySettings, Map<String, String> requestOverrides) {
    Map<String, String> overrides = new HashMap<>();
    overrides.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    // Rows reach the client from the stream thread; only repartition writes wait for a producer batch.
    overrides.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "5");
    requestOverrides.forEach((key, value) -> overrides.put(stripKsqlPrefix(key), value));
    Properties properties = forQuery(config, bootstrapServers, queryId, topologySettings, overrides);
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, transientApplicationId(config, queryId));
    return properties;
  }

  /** The application id (consumer group, internal topic prefix and state directory name) of a transient query. */
  public static String transientApplicationId(SluiceConfig config, String queryId) {
    return config.serviceId() + "_transient_" + queryId;
  }

  /** The Kafka Streams application id, and so the consumer group and internal topic prefix, of a query. */
  public static String applicationId(SluiceConfig config, String queryId) {
    return config.serviceId() + "_query_" + queryId;
  }

  /** Kafka Streams' {@code host:port} form of a node's advertised REST URL. */
  public static String applicationServer(String advertisedUrl) {
    URI uri = URI.create(advertisedUrl);
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }

  /** ksqlDB clients send {@code ksql.streams.auto.offset.reset}; Kafka Streams wants the bare name. */
  static String stripKsqlPrefix(String key) {
    return key.startsWith("ksql.streams.") ? key.substring("ksql.streams.".length()) : key;
  }
}

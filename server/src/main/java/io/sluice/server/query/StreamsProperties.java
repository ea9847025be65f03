package io.sluice.server.query;

import io.sluice.server.config.SluiceConfig;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings of one persistent query, in rising precedence: Sluice's defaults,
 * the server's {@code streams.*} settings, then the statement's own streamsProperties.
 *
 * <p>Defaults: exactly-once v2; read from the earliest offset, so a new query over an existing
 * stream processes its history (ksqlDB defaults to latest; see docs/sql.md); one stream thread;
 * commits every 100 ms; a 10 s consumer session; no state store cache, so that an aggregation
 * under EMIT CHANGES writes every update, as the SQL promises.
 */
public final class StreamsProperties {

  private StreamsProperties() {}

  public static Properties forQuery(SluiceConfig config, String bootstrapServers, String queryId,
      Map<String, String> statementOverrides) {
    Map<String, Object> props = new HashMap<>();
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
    // Each query is one group member; after a crash its restart waits out the old member's
    // session, so keep that short (Kafka's default is 45 s).
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    props.putAll(config.kafkaOverrides());
    props.putAll(config.streamsOverrides());
    statementOverrides.forEach((key, value) -> props.put(stripKsqlPrefix(key), value));
    // Identity and placement are the server's, whatever a statement asks for.
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(config, queryId));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.streamsStateDir().toString());
    // Without an endpoint Kafka Streams keeps no key metadata, and pull queries could not find a
    // key's partition (queryMetadataForKey answers NOT_AVAILABLE).
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, endpoint(config.advertisedUrl()));
    Properties properties = new Properties();
    properties.putAll(props);
    return properties;
  }

  /** The {@code host:port} of a URL, as Kafka Streams' application.server wants it. */
  static String endpoint(String url) {
    URI uri = URI.create(url);
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }

  /** The Kafka Streams application id, and so the consumer group and internal topic prefix, of a query. */
  public static String applicationId(SluiceConfig config, String queryId) {
    return config.serviceId() + "_query_" + queryId;
  }

  /** ksqlDB clients send {@code ksql.streams.auto.offset.reset}; Kafka Streams wants the bare name. */
  static String stripKsqlPrefix(String key) {
    return key.startsWith("ksql.streams.") ? key.substring("ksql.streams.".length()) : key;
  }
}

package io.sluice.server.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/** The server's validated settings: the keys of the design's configuration table plus pass-through maps. */
public final class SluiceConfig {

  public static final String REST_PORT = "rest.port";
  public static final String REST_HOST = "rest.host";
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String KAFKA_EMBEDDED_PORT = "kafka.embedded.port";
  public static final String DATA_DIR = "data.dir";
  public static final String SERVICE_ID = "service.id";
  public static final String ADVERTISED_URL = "advertised.url";
  public static final String PUSH_MAX_CONCURRENT = "query.push.max.concurrent";

  /** How many push queries may run at once on a server unless {@link #PUSH_MAX_CONCURRENT} says otherwise. */
  public static final int DEFAULT_PUSH_MAX_CONCURRENT = 20;
  /** Whether pull queries may read a whole table (no key pinned with = or IN); default true. */
  public static final String PULL_TABLE_SCAN_ENABLED = "query.pull.table.scan.enabled";

  /** Prefix of settings handed to Kafka Streams, without the prefix. */
  public static final String STREAMS_PREFIX = "streams.";
  /** Prefix of settings handed to every Kafka client, without the prefix. */
  public static final String KAFKA_PREFIX = "kafka.";
  /** Settings under this prefix configure the embedded broker itself and are never passed to clients. */
  static final String KAFKA_EMBEDDED_PREFIX = "kafka.embedded.";

  private final int restPort;
  private final String restHost;
  private final Optional<String> bootstrapServers;
  private final int embeddedKafkaPort;
  private final Path dataDir;
  private final String serviceId;
  private final Optional<String> advertisedUrl;
  private final int pushMaxConcurrent;
  private final Map<String, Object> streamsOverrides;
  private final Map<String, Object> kafkaOverrides;
  private final Map<String, String> settings;
  private final boolean pullTableScanEnabled;

  SluiceConfig(
      int restPort,
      String restHost,
      Optional<String> bootstrapServers,
      int embeddedKafkaPort,
      Path dataDir,
      String serviceId,
      Optional<String> advertisedUrl,
      int pushMaxConcurrent,
      boolean pullTableScanEnabled,
      Map<String, Object> streamsOverrides,
      Map<String, Object> kafkaOverrides,
      Map<String, String> settings) {
    this.restPort = restPort;
    this.restHost = restHost;
    this.bootstrapServers = bootstrapServers;
    this.embeddedKafkaPort = embeddedKafkaPort;
    this.dataDir = dataDir;
    this.serviceId = serviceId;
    this.advertisedUrl = advertisedUrl;
    this.pushMaxConcurrent = pushMaxConcurrent;
    this.streamsOverrides = Map.copyOf(streamsOverrides);
    this.kafkaOverrides = Map.copyOf(kafkaOverrides);
    this.settings = Map.copyOf(settings);
    this.pullTableScanEnabled = pullTableScanEnabled;
  }

  /**
   * Settings given in code (tests, embedding); defaults fill the rest, unknown keys are logged as
   * warnings, bad values throw {@link ConfigException}.
   */
  public static SluiceConfig of(Map<String, String> settings) {
    Map<String, Setting> sourced = new LinkedHashMap<>();
    settings.forEach((key, value) -> sourced.put(key, new Setting(value, "given settings")));
    return ConfigParser.parse(sourced, LoggerFactory.getLogger(SluiceConfig.class)::warn);
  }

  /** A copy with one setting changed, validated like any other. */
  public SluiceConfig with(String key, String value) {
    Map<String, String> changed = new LinkedHashMap<>(settings);
    changed.put(key, value);
    return of(changed);
  }

  static SluiceConfig parse(Map<String, Setting> settings, Consumer<String> warnings) {
    return ConfigParser.parse(settings, warnings);
  }

  public int restPort() {
    return restPort;
  }

  public String restHost() {
    return restHost;
  }

  /** The Kafka cluster to join; empty means the server starts its own embedded broker. */
  public Optional<String> bootstrapServers() {
    return bootstrapServers;
  }

  public boolean embeddedKafka() {
    return bootstrapServers.isEmpty();
  }

  /** The embedded broker's loopback listener port; 0 picks a free one. */
  public int embeddedKafkaPort() {
    return embeddedKafkaPort;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Where the embedded broker keeps its log segments and metadata. */
  public Path kafkaDataDir() {
    return dataDir.resolve("kafka");
  }

  /** Where Kafka Streams keeps the local state of persistent queries. */
  public Path streamsStateDir() {
    return dataDir.resolve("streams");
  }

  public String serviceId() {
    return serviceId;
  }

  /** How other nodes reach this one: the configured URL, or one built from rest.host and rest.port. */
  public String advertisedUrl() {
    return advertisedUrl.orElse("http://" + restHost + ":" + restPort);
  }

  /** How many push queries may run at once on this server; one more is refused with HTTP 429. */
  public int pushMaxConcurrent() {
    return pushMaxConcurrent;
  }

  /** Settings given as {@code streams.*}, without the prefix, for Kafka Streams. */
  public Map<String, Object> streamsOverrides() {
    return streamsOverrides;
  }

  /**
   * Settings given as {@code kafka.*} (except {@code kafka.embedded.*}), without the prefix, for
   * every Kafka client.
   */
  public Map<String, Object> kafkaOverrides() {
    return kafkaOverrides;
  }

  /**
   * Settings for any Kafka client of the given cluster: the {@code kafka.*} pass-through settings
   * plus {@code bootstrap.servers}.
   */
  public Map<String, Object> kafkaClientConfig(String bootstrapServers) {
    Map<String, Object> clientConfig = new LinkedHashMap<>(kafkaOverrides);
    clientConfig.put(BOOTSTRAP_SERVERS, bootstrapServers);
    return clientConfig;
  }

  /** Whether pull queries may scan a whole table rather than look keys up. */
  public boolean pullTableScanEnabled() {
    return pullTableScanEnabled;
  }

  /** The settings this configuration was built from, as key and raw text, defaults not included. */
  public Map<String, String> settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "SluiceConfig" + settings;
  }
}

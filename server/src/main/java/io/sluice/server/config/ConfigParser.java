package io.sluice.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Turns raw settings into a {@link SluiceConfig}: defaults, value checks and the pass-through maps. */
final class ConfigParser {

  static final Set<String> KNOWN_KEYS =
      Set.of(
          SluiceConfig.REST_PORT,
          SluiceConfig.REST_HOST,
          SluiceConfig.BOOTSTRAP_SERVERS,
          SluiceConfig.KAFKA_EMBEDDED_PORT,
          SluiceConfig.DATA_DIR,
          SluiceConfig.SERVICE_ID,
          SluiceConfig.ADVERTISED_URL,
          SluiceConfig.PUSH_MAX_CONCURRENT,
          SluiceConfig.PULL_TABLE_SCAN_ENABLED);

  private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern HOST_PORT = Pattern.compile("[^\\s:,]+:\\d{1,5}|\\[[0-9A-Fa-f:.]+]:\\d{1,5}");

  private final Map<String, Setting> settings;

  private ConfigParser(Map<String, Setting> settings) {
    this.settings = settings;
  }

  static SluiceConfig parse(Map<String, Setting> settings, Consumer<String> warnings) {
    return new ConfigParser(settings).parse(warnings);
  }

  static boolean isKnownOrPassedThrough(String key) {
    return KNOWN_KEYS.contains(key) || passThroughKey(key);
  }

  private static boolean passThroughKey(String key) {
    if (key.startsWith(SluiceConfig.KAFKA_EMBEDDED_PREFIX)) {
      return false;
    }
    return (key.startsWith(SluiceConfig.STREAMS_PREFIX) && key.length() > SluiceConfig.STREAMS_PREFIX.length())
        || (key.startsWith(SluiceConfig.KAFKA_PREFIX) && key.length() > SluiceConfig.KAFKA_PREFIX.length());
  }

  private SluiceConfig parse(Consumer<String> warnings) {
    Map<String, Object> streams = new LinkedHashMap<>();
    Map<String, Object> kafka = new LinkedHashMap<>();
    Map<String, String> raw = new LinkedHashMap<>();
    settings.forEach(
        (key, setting) -> {
          if (!isKnownOrPassedThrough(key)) {
            warnings.accept("Ignoring unknown setting '" + key + "' (from " + setting.source() + ")");
            return;
          }
          raw.put(key, setting.value());
          if (key.startsWith(SluiceConfig.STREAMS_PREFIX)) {
            streams.put(key.substring(SluiceConfig.STREAMS_PREFIX.length()), setting.value());
          } else if (passThroughKey(key)) {
            kafka.put(key.substring(SluiceConfig.KAFKA_PREFIX.length()), setting.value());
          }
        });
    int restPort = port(SluiceConfig.REST_PORT, 8088);
    String restHost = nonBlank(SluiceConfig.REST_HOST, "127.0.0.1");
    return new SluiceConfig(
        restPort,
        restHost,
        bootstrapServers(),
        port(SluiceConfig.KAFKA_EMBEDDED_PORT, 9092),
        dataDir(),
        serviceId(),
        advertisedUrl(),
        positiveInt(SluiceConfig.PUSH_MAX_CONCURRENT, SluiceConfig.DEFAULT_PUSH_MAX_CONCURRENT),
        bool(SluiceConfig.PULL_TABLE_SCAN_ENABLED, true),
        streams,
        kafka,
        raw);
  }

  private boolean bool(String key, boolean defaultValue) {
    Optional<Setting> setting = setting(key);
    if (setting.isEmpty()) {
      return defaultValue;
    }
    String text = setting.get().value().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw invalid(key, setting.get(), "must be true or false");
  }

  private Optional<Setting> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  private int port(String key, int defaultPort) {
    Optional<Setting> setting = setting(key);
    if (setting.isEmpty()) {
      return defaultPort;
    }
    String text = setting.get().value().trim();
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // reported below with the key and its source
    }
    throw invalid(key, setting.get(), "must be a port number from 0 to 65535 (0 picks a free port)");
  }

  private int positiveInt(String key, int defaultValue) {
    Optional<Setting> setting = setting(key);
    if (setting.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(setting.get().value().trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below with the key and its source
    }
    throw invalid(key, setting.get(), "must be a whole number greater than 0");
  }

  private String nonBlank(String key, String defaultValue) {
    Optional<Setting> setting = setting(key);
    if (setting.isEmpty()) {
      return defaultValue;
    }
    String text = setting.get().value().trim();
    if (text.isEmpty()) {
      throw invalid(key, setting.get(), "must not be empty");
    }
    return text;
  }

  private Optional<String> bootstrapServers() {
    Optional<Setting> setting = setting(SluiceConfig.BOOTSTRAP_SERVERS);
    if (setting.isEmpty() || setting.get().value().isBlank()) {
      return Optional.empty();
    }
    String text = setting.get().value().trim();
    for (String server : text.split(",")) {
      if (!HOST_PORT.matcher(server.trim()).matches()) {
        throw invalid(
            SluiceConfig.BOOTSTRAP_SERVERS,
            setting.get(),
            "must be a comma-separated list of host:port, e.g. broker1:9092,broker2:9092");
      }
    }
    return Optional.of(text);
  }

  private Path dataDir() {
    String text = nonBlank(SluiceConfig.DATA_DIR, "./data");
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      Setting setting = settings.get(SluiceConfig.DATA_DIR);
      throw invalid(SluiceConfig.DATA_DIR, setting, "is not a valid path: " + e.getReason());
    }
  }

  private String serviceId() {
    String text = nonBlank(SluiceConfig.SERVICE_ID, "sluice");
    if (!SERVICE_ID.matcher(text).matches()) {
      throw invalid(
          SluiceConfig.SERVICE_ID,
          settings.get(SluiceConfig.SERVICE_ID),
          "must be 1 to 64 letters, digits, '_' or '-' (it names Kafka topics and application ids)");
    }
    return text;
  }

  private Optional<String> advertisedUrl() {
    Optional<Setting> setting = setting(SluiceConfig.ADVERTISED_URL);
    if (setting.isEmpty()) {
      return Optional.empty();
    }
    String text = setting.get().value().trim();
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return Optional.of(text);
      }
    } catch (URISyntaxException notAUri) {
      // reported below with the key and its source
    }
    throw invalid(
        SluiceConfig.ADVERTISED_URL,
        setting.get(),
        "must be an http:// or https:// URL with a host, e.g. http://node1:8088");
  }

  private static ConfigException invalid(String key, Setting setting, String rule) {
    return new ConfigException(
        "Invalid value '" + setting.value() + "' for " + key + " (from " + setting.source() + "): " + key + " " + rule);
  }
}

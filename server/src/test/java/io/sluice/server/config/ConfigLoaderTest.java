package io.sluice.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Where settings come from, which source wins, and how bad or unknown settings are reported. */
class ConfigLoaderTest {

  @TempDir Path workingDir;

  private final List<String> warnings = new ArrayList<>();

  @ParameterizedTest(name = "{0}: flag={1} env={2} file={3} gives {4}")
  @CsvFileSource(resources = "/config/precedence.csv")
  void flagBeatsEnvironmentBeatsFileBeatsDefault(String key, String flag, String env, String file, String expected)
      throws IOException {
    List<String> args = flag == null ? List.of() : List.of("--" + key + "=" + flag);
    Map<String, String> environment = env == null ? Map.of() : Map.of(ConfigLoader.envName(key), env);
    if (file != null) {
      writeDefaultFile(key + "=" + file);
    }

    SluiceConfig config = new ConfigLoader(workingDir, environment, warnings::add).load(args);

    assertEquals(expected, resolved(config, key));
    assertEquals(List.of(), warnings);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvFileSource(resources = "/config/bad-values.csv")
  void badValueFailsWithAMessageNamingKeyValueAndRule(String key, String value, String message) {
    ConfigLoader loader = new ConfigLoader(workingDir, Map.of(), warnings::add);

    ConfigException error = assertThrows(ConfigException.class, () -> loader.load(List.of("--" + key + "=" + value)));

    assertTrue(error.getMessage().contains(message), error.getMessage());
  }

  @Test
  void badValueFromEnvironmentNamesTheVariable() {
    ConfigLoader loader = new ConfigLoader(workingDir, Map.of("SLUICE_REST_PORT", "abc"), warnings::add);

    ConfigException error = assertThrows(ConfigException.class, () -> loader.load(List.of()));

    assertTrue(error.getMessage().contains("(from environment variable SLUICE_REST_PORT)"), error.getMessage());
  }

  @Test
  void streamsAndKafkaPrefixesPassThroughWithoutPrefix() throws IOException {
    writeDefaultFile("streams.num.stream.threads=2\nkafka.security.protocol=PLAINTEXT\n");
    Map<String, String> env = Map.of("SLUICE_STREAMS_COMMIT_INTERVAL_MS", "100", "SLUICE_KAFKA_CLIENT_ID", "from-env");

    SluiceConfig config =
        new ConfigLoader(workingDir, env, warnings::add)
            .load(List.of("--streams.num.stream.threads=4", "--kafka.embedded.port=19092"));

    assertEquals(Map.of("num.stream.threads", "4", "commit.interval.ms", "100"), config.streamsOverrides());
    assertEquals(Map.of("security.protocol", "PLAINTEXT", "client.id", "from-env"), config.kafkaOverrides());
    assertEquals(19092, config.embeddedKafkaPort());
  }

  @Test
  void clientConfigAddsBootstrapServersToKafkaPassThrough() {
    SluiceConfig config = SluiceConfig.of(Map.of("kafka.client.id", "x"));

    assertEquals(
        Map.of("client.id", "x", "bootstrap.servers", "broker:9092"), config.kafkaClientConfig("broker:9092"));
  }

  @Test
  void unknownKeysWarnAndAreIgnored() throws IOException {
    writeDefaultFile("rest.prot=1234\n");
    Map<String, String> env = Map.of("SLUICE_DATADIR", "/x", "PATH", "/bin");

    SluiceConfig config =
        new ConfigLoader(workingDir, env, warnings::add).load(List.of("--kafka.embedded.retention=1", "--streams.=1"));

    assertEquals(8088, config.restPort());
    assertEquals(4, warnings.size(), warnings.toString());
    assertWarned("'rest.prot' (from " + workingDir.resolve(ConfigLoader.DEFAULT_FILE));
    assertWarned("SLUICE_DATADIR");
    assertWarned("'kafka.embedded.retention'");
    assertWarned("'streams.'");
  }

  @Test
  void configFlagReplacesTheDefaultFile() throws IOException {
    writeDefaultFile("rest.port=1111\n");
    Files.writeString(workingDir.resolve("other.properties"), "service.id=other\n");

    ConfigLoader loader = new ConfigLoader(workingDir, Map.of(), warnings::add);

    SluiceConfig spaced = loader.load(List.of("--config", "other.properties"));
    SluiceConfig joined = loader.load(List.of("--config=other.properties"));

    assertEquals("other", spaced.serviceId());
    assertEquals(8088, spaced.restPort());
    assertEquals("other", joined.serviceId());
  }

  @Test
  void missingConfigFileGivenOnTheCommandLineIsAnError() {
    ConfigLoader loader = new ConfigLoader(workingDir, Map.of(), warnings::add);

    ConfigException error = assertThrows(ConfigException.class, () -> loader.load(List.of("--config=nope.properties")));

    assertTrue(error.getMessage().contains("nope.properties"), error.getMessage());
  }

  @Test
  void argumentsThatAreNotSettingsAreErrors() {
    ConfigLoader loader = new ConfigLoader(workingDir, Map.of(), warnings::add);

    for (String arg : List.of("start", "--rest.port", "--=1", "--", "-x=1")) {
      assertThrows(ConfigException.class, () -> loader.load(List.of(arg)), arg);
    }
    assertThrows(ConfigException.class, () -> loader.load(List.of("--config")));
  }

  @Test
  void blankBootstrapServersMeansEmbedded() {
    Map<String, String> env = Map.of("SLUICE_BOOTSTRAP_SERVERS", "");

    SluiceConfig config = new ConfigLoader(workingDir, env, warnings::add).load(List.of());

    assertTrue(config.embeddedKafka());
  }

  @Test
  void dataDirHoldsKafkaAndStreamsState() {
    SluiceConfig config = SluiceConfig.of(Map.of("data.dir", "/var/sluice"));

    assertEquals(Path.of("/var/sluice/kafka"), config.kafkaDataDir());
    assertEquals(Path.of("/var/sluice/streams"), config.streamsStateDir());
  }

  @Test
  void withChangesOneSettingAndKeepsTheOthers() {
    SluiceConfig config = SluiceConfig.of(Map.of("service.id", "a", "rest.port", "1")).with("rest.port", "2");

    assertEquals("a", config.serviceId());
    assertEquals(2, config.restPort());
    assertEquals("http://127.0.0.1:2", config.advertisedUrl());
  }

  @Test
  void shippedConfigFileExplainsEveryKeyAndChangesNoDefault() throws IOException {
    Path shipped = Path.of("..", ConfigLoader.DEFAULT_FILE);
    String text = Files.readString(shipped);

    ConfigLoader loader = new ConfigLoader(workingDir, Map.of(), warnings::add);

    SluiceConfig config = loader.load(List.of("--config=" + shipped.toAbsolutePath()));

    assertEquals(Map.of(), config.settings());
    assertEquals(List.of(), warnings);
    for (String key : ConfigParser.KNOWN_KEYS) {
      assertTrue(text.contains("\n#" + key + "="), key + " is not in " + shipped);
    }
  }

  private void assertWarned(String text) {
    assertTrue(warnings.stream().anyMatch(warning -> warning.contains(text)), text + " not in " + warnings);
  }

  private void writeDefaultFile(String content) throws IOException {
    Path file = workingDir.resolve(ConfigLoader.DEFAULT_FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static String resolved(SluiceConfig config, String key) {
    Map<String, String> values = new HashMap<>();
    values.put(SluiceConfig.REST_PORT, Integer.toString(config.restPort()));
    values.put(SluiceConfig.REST_HOST, config.restHost());
    values.put(SluiceConfig.BOOTSTRAP_SERVERS, config.bootstrapServers().orElse("<embedded>"));
    values.put(SluiceConfig.KAFKA_EMBEDDED_PORT, Integer.toString(config.embeddedKafkaPort()));
    values.put(SluiceConfig.DATA_DIR, config.dataDir().toString());
    values.put(SluiceConfig.SERVICE_ID, config.serviceId());
    values.put(SluiceConfig.ADVERTISED_URL, config.advertisedUrl());
    return values.get(key);
  }
}

package io.sluice.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads settings from the command line, the environment and a properties file, in that order of
 * precedence, and builds the {@link SluiceConfig}.
 */
public final class ConfigLoader {

  /** The properties file read when no {@code --config} is given, relative to the working directory. */
  public static final String DEFAULT_FILE = "config/sluice.properties";

  static final String ENV_PREFIX = "SLUICE_";
  private static final String CONFIG_FLAG = "--config";

  private final Path workingDir;
  private final Map<String, String> env;
  private final Consumer<String> warnings;

  /**
   * @param workingDir resolves relative {@code --config} paths and the default file
   * @param env the environment to read, injected so tests need not touch the real one
   * @param warnings receives one message per ignored setting
   */
  public ConfigLoader(Path workingDir, Map<String, String> env, Consumer<String> warnings) {
    this.workingDir = workingDir;
    this.env = env;
    this.warnings = warnings;
  }

  /** The environment variable that sets {@code key}: {@code rest.port} is {@code SLUICE_REST_PORT}. */
  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** Reads every source and validates the result; throws {@link ConfigException} on any bad input. */
  public SluiceConfig load(List<String> args) {
    CommandLine commandLine = CommandLine.parse(args);
    Map<String, Setting> settings = new LinkedHashMap<>();
    settings.putAll(fileSettings(commandLine));
    settings.putAll(envSettings());
    settings.putAll(commandLine.settings());
    return SluiceConfig.parse(settings, warnings);
  }

  private Map<String, Setting> fileSettings(CommandLine commandLine) {
    Path file;
    if (commandLine.configFile().isPresent()) {
      file = workingDir.resolve(commandLine.configFile().get());
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(
            "Config file " + file + " (from " + CONFIG_FLAG + ") does not exist or is not a file");
      }
    } else {
      file = workingDir.resolve(DEFAULT_FILE);
      if (!Files.isRegularFile(file)) {
        return Map.of();
      }
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, Setting> settings = new LinkedHashMap<>();
    String source = file.toString();
    for (String key : properties.stringPropertyNames()) {
      settings.put(key.trim(), new Setting(properties.getProperty(key).trim(), source));
    }
    return settings;
  }

  private Map<String, Setting> envSettings() {
    Map<String, Setting> settings = new LinkedHashMap<>();
    env.forEach(
        (name, value) -> {
          if (!name.startsWith(ENV_PREFIX)) {
            return;
          }
          String key = keyOfEnvName(name);
          if (ConfigParser.isKnownOrPassedThrough(key)) {
            settings.put(key, new Setting(value, "environment variable " + name));
          } else {
            warnings.accept("Ignoring environment variable " + name + ": there is no setting named '" + key + "'");
          }
        });
    return settings;
  }

  /**
   * Maps a variable back to its key. Every Sluice, Kafka and Kafka Streams key is lower case with
   * dots, so the inverse of {@link #envName} is exact for them.
   */
  private static String keyOfEnvName(String name) {
    return name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }
}

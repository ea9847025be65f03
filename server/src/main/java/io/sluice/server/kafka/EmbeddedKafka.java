package io.sluice.server.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker running inside this JVM: KRaft, combined broker and controller, listening on
 * loopback, with its data in one directory that survives restarts.
 *
 * <p>It uses Kafka's internal server classes, which carry no compatibility promise; the Kafka
 * version is pinned in the parent pom for that reason.
 */
public final class EmbeddedKafka implements AutoCloseable {

  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final int BIND_ATTEMPTS = 5;
  private static final String META_PROPERTIES = "meta.properties";

  private final Path logDir;
  private final int requestedPort;
  private final Map<String, String> brokerOverrides;

  private KafkaRaftServer server;
  private int port;
  private String clusterId;

  /**
   * @param logDir where the broker keeps everything; formatted on first use, reused afterwards
   * @param port the listener port on 127.0.0.1; 0 picks a free one, retrying if it is taken meanwhile
   * @param brokerOverrides broker settings that replace the embedded defaults (tests use this)
   */
  public EmbeddedKafka(Path logDir, int port, Map<String, String> brokerOverrides) {
    this.logDir = logDir.toAbsolutePath();
    this.requestedPort = port;
    this.brokerOverrides = Map.copyOf(brokerOverrides);
  }

  public EmbeddedKafka(Path logDir, int port) {
    this(logDir, port, Map.of());
  }

  /** Formats the data directory if it is new, starts the broker and returns once it serves requests. */
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("the embedded broker is already running");
    }
    if (requestedPort != 0 && !FreePorts.isFree(BrokerSettings.HOST, requestedPort)) {
      throw new KafkaException(
          "Cannot start the embedded Kafka broker: port " + requestedPort + " on " + BrokerSettings.HOST
              + " is in use (is another Sluice or Kafka running?). Set kafka.embedded.port to another port,"
              + " or bootstrap.servers to use a running Kafka cluster.");
    }
    createLogDir();
    clusterId = existingClusterId().orElseGet(() -> Uuid.randomUuid().toString());
    for (int attempt = 1; ; attempt++) {
      int brokerPort = requestedPort == 0 ? FreePorts.pick(BrokerSettings.HOST) : requestedPort;
      int controllerPort = FreePorts.pick(BrokerSettings.HOST);
      Properties settings = BrokerSettings.of(logDir, brokerPort, controllerPort, brokerOverrides);
      formatIfNew(settings);
      KafkaRaftServer candidate = new KafkaRaftServer(new KafkaConfig(settings), Time.SYSTEM);
      try {
        candidate.startup();
        server = candidate;
        port = brokerPort;
        break;
      } catch (RuntimeException e) {
        stop(candidate);
        if (!isBindFailure(e) || attempt == BIND_ATTEMPTS) {
          throw new KafkaException(
              "Cannot start the embedded Kafka broker (ports " + brokerPort + " and " + controllerPort + ", data in "
                  + logDir + "): " + e.getMessage(),
              e);
        }
      }
    }
    try {
      KafkaReadiness.await(bootstrapServers(), READY_TIMEOUT);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The address clients connect to, e.g. {@code 127.0.0.1:9092}. */
  public synchronized String bootstrapServers() {
    requireRunning();
    return BrokerSettings.HOST + ":" + port;
  }

  /** The cluster id written when the data directory was first formatted; it never changes afterwards. */
  public synchronized String clusterId() {
    requireRunning();
    return clusterId;
  }

  /** Stops the broker and waits until it has; the data directory stays. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (server != null) {
      stop(server);
      server = null;
    }
  }

  private void requireRunning() {
    if (server == null) {
      throw new IllegalStateException("the embedded broker is not running");
    }
  }

  private void createLogDir() {
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create Kafka's data directory " + logDir, e);
    }
  }

  private Optional<String> existingClusterId() {
    Path meta = logDir.resolve(META_PROPERTIES);
    if (!Files.isRegularFile(meta)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + meta, e);
    }
    return Optional.ofNullable(properties.getProperty("cluster.id"));
  }

  private void formatIfNew(Properties settings) {
    if (Files.isRegularFile(logDir.resolve(META_PROPERTIES))) {
      return;
    }
    Path file = null;
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      file = Files.createTempFile("sluice-kafka-format", ".properties");
      try (OutputStream out = Files.newOutputStream(file)) {
        settings.store(out, "written by Sluice to format the embedded broker's storage");
      }
      String[] args = {"format", "--config", file.toString(), "--cluster-id", clusterId, "--ignore-formatted"};
      int status;
      try (PrintStream printed = new PrintStream(output, true, StandardCharsets.UTF_8)) {
        status = StorageTool.execute(args, printed);
      }
      if (status != 0) {
        throw new KafkaException("Cannot format " + logDir + " for Kafka: " + output.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot format " + logDir + " for Kafka", e);
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static void stop(KafkaRaftServer server) {
    server.shutdown();
    server.awaitShutdown();
  }
}

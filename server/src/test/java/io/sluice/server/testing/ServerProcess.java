package io.sluice.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.SluiceServer;
import io.sluice.server.config.SluiceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sluice server running in its own JVM, for tests that stop it the hard way (SIGTERM, kill -9)
 * and start it again on the same data. It uses the test JVM's classpath, and writes everything it
 * prints to a file under {@code target/server-processes/} for debugging.
 */
public final class ServerProcess implements AutoCloseable {

  /** Starting a JVM plus a broker takes well over 10 s on a loaded 2-core machine. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private static final Pattern READY = Pattern.compile("ready: REST (\\S+), Kafka (\\S+)");
  private static final Path LOG_DIR = Path.of("target", "server-processes");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    // A test JVM that dies must not leave servers (and their brokers) running behind it.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "server-process-reaper"));
  }

  private final Process process;
  private final Path outputFile;
  private final Path workDir;
  private String restUrl;
  private String bootstrapServers;

  private ServerProcess(Process process, Path outputFile, Path workDir) {
    this.process = process;
    this.outputFile = outputFile;
    this.workDir = workDir;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where its REST server listens, from its ready line. */
  public String restUrl() {
    return restUrl;
  }

  /** Runs statements through {@code POST /ksql}; returns the answer, which must be a 200. */
  public JsonNode ksql(String statements) {
    Http.Response response = Http.postJson(restUrl + "/ksql", Map.of("ksql", statements));
    if (response.status() != 200) {
      throw new AssertionError("POST /ksql gave " + response.status() + ": " + response.body());
    }
    return response.json();
  }

  /** The Kafka it uses, from its ready line. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path outputFile() {
    return outputFile;
  }

  /** Everything it printed so far, stdout and stderr interleaved. */
  public String output() {
    try {
      return Files.exists(outputFile) ? Files.readString(outputFile, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends SIGTERM, as a service manager or Ctrl-C would. */
  public void sigterm() {
    process.destroy();
  }

  /** Sends SIGKILL: no shutdown hooks run, Kafka and state files are left as they are. */
  public void kill9() {
    process.destroyForcibly();
  }

  /** Waits for the process to end and returns its exit status. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            "Server process " + pid() + " still running after " + timeout.toSeconds() + " s; output in " + outputFile
                + ":\n" + output());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    RUNNING.remove(process);
    return process.exitValue();
  }

  /**
   * Kills the process if it still runs and deletes its working directory, with the default data
   * directory in it; a data directory given to the builder and the output file stay.
   */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill9();
      awaitExit(STOP_TIMEOUT);
    }
    RUNNING.remove(process);
    Directories.deleteRecursively(workDir);
  }

  private void awaitReady() {
    Matcher ready =
        Poll.forValue(
            START_TIMEOUT,
            () -> {
              Matcher matcher = READY.matcher(output());
              if (matcher.find()) {
                return matcher;
              }
              if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + " before it was ready:\n" + output());
              }
              return null;
            },
            "server process " + pid() + " to print its ready line (output in " + outputFile + ")");
    restUrl = ready.group(1);
    bootstrapServers = ready.group(2);
    Poll.until(
        START_TIMEOUT, () -> Http.get(restUrl + "/healthcheck").status() == 200, restUrl + "/healthcheck to answer 200");
  }

  /** What to start: ports, data directory, service id, Kafka, any other setting and environment variable. */
  public static final class Builder {

    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    /** A small heap and a quick-starting JIT: test servers handle little data and start often. */
    private final List<String> jvmOptions =
        new ArrayList<>(List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    private Path dataDir;
    private boolean embeddedKafka;

    private Builder() {
      settings.put(SluiceConfig.REST_PORT, "0");
    }

    public Builder restPort(int port) {
      return set(SluiceConfig.REST_PORT, Integer.toString(port));
    }

    /** Runs the server's own embedded broker on this port (0 picks a free one) instead of the shared broker. */
    public Builder embeddedKafka(int port) {
      embeddedKafka = true;
      return set(SluiceConfig.KAFKA_EMBEDDED_PORT, Integer.toString(port));
    }

    /** Uses this Kafka cluster; without this or {@link #embeddedKafka}, the process uses {@link SharedKafka}. */
    public Builder bootstrapServers(String bootstrapServers) {
      return set(SluiceConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    }

    /**
     * Keeps data here, so a later process can start on it; without it, a temporary directory is
     * used and deleted on close.
     */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    public Builder serviceId(String serviceId) {
      return set(SluiceConfig.SERVICE_ID, serviceId);
    }

    /** Any setting, passed as {@code --key=value}. */
    public Builder set(String key, String value) {
      settings.put(key, value);
      return this;
    }

    /** An environment variable for the process; SLUICE_* variables of the test JVM are never inherited. */
    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    public Builder jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    /** Starts the process and returns once it printed its ready line and {@code /healthcheck} answers 200. */
    public ServerProcess start() {
      ServerProcess server = launch();
      try {
        server.awaitReady();
      } catch (RuntimeException | AssertionError e) {
        server.close();
        throw e;
      }
      return server;
    }

    /** Starts the process without waiting for it, for tests of failed starts. */
    public ServerProcess launch() {
      Path workDir = Directories.createTemp("sluice-process");
      Path data = dataDir == null ? workDir.resolve("data") : dataDir;
      Map<String, String> args = new LinkedHashMap<>(settings);
      if (!embeddedKafka && !args.containsKey(SluiceConfig.BOOTSTRAP_SERVERS)) {
        args.put(SluiceConfig.BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers());
      }
      args.putIfAbsent(SluiceConfig.DATA_DIR, data.toAbsolutePath().toString());
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(SluiceServer.class.getName());
      args.forEach((key, value) -> command.add("--" + key + "=" + value));
      Path output = outputFile();
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("SLUICE_"));
      builder.environment().putAll(env);
      try {
        Process process = builder.start();
        RUNNING.add(process);
        return new ServerProcess(process, output, workDir);
      } catch (IOException e) {
        Directories.deleteRecursively(workDir);
        throw new UncheckedIOException("cannot start " + command, e);
      }
    }

    private static Path outputFile() {
      try {
        Files.createDirectories(LOG_DIR);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String name = "server-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + ".log";
      return LOG_DIR.resolve(name).toAbsolutePath();
    }
  }
}

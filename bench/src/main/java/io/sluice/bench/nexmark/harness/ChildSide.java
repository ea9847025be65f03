package io.sluice.bench.nexmark.harness;

import io.sluice.bench.e2e.Contender;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One side of a Nexmark query run in a child JVM ({@link SideMain}) with the bench classpath and
 * its own heap, so that its CPU time and peak memory can be read from the operating system; its
 * log goes to a file in the run's working directory.
 */
final class ChildSide implements Contender {

  /** The side said Sluice refused its SQL. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private final String name;
  private final String outputTopic;
  private final List<String> command;
  private final Path log;
  private Process process;
  private BufferedReader replies;
  private Writer commands;
  private Duration cpuAtStart = Duration.ZERO;

  /** @param recording where the JVM writes a flight recording of its whole run, if anywhere */
  ChildSide(String name, String heap, String side, String query, String bootstrap, String inputTopic,
      String outputTopic, int partitions, String serviceId, Path dataDir, Optional<Path> recording) {
    this.name = name;
    this.outputTopic = outputTopic;
    this.log = dataDir.resolve("side.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    this.command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
        SideMain.class.getName(), "--side", side, "--query", query, "--bootstrap", bootstrap, "--input", inputTopic,
        "--output", outputTopic, "--partitions", Integer.toString(partitions), "--service-id", serviceId,
        "--data-dir", dataDir.toString()));
    recording.ifPresent(file -> command.add(2,
        "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file.toAbsolutePath()));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String outputTopic() {
    return outputTopic;
  }

  /** The side's log file. */
  Path log() {
    return log;
  }

  /**
   * Starts the JVM and waits until the side is ready (server up and DDL taken, or topology built).
   *
   * @throws Refused if Sluice refused the DDL
   */
  @Override
  public void prepare() throws IOException, Refused {
    Files.createDirectories(log.getParent());
    process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    expect(reply(), "READY");
  }

  /**
   * Starts processing; returns the consumer group.
   *
   * @throws Refused if Sluice refused the query
   */
  @Override
  public String start() throws IOException, Refused {
    cpuAtStart = cpu();
    return expect(ask("START"), "GROUP");
  }

  @Override
  public Optional<String> failure() throws IOException {
    if (!process.isAlive()) {
      return Optional.of(name + "'s JVM exited with status " + process.exitValue() + "; see " + log);
    }
    String status = ask("STATUS");
    return status.equals("OK") ? Optional.empty() : Optional.of(status);
  }

  /** CPU seconds the side's JVM has used since {@link #start}: processing, not start-up. */
  double cpuSecondsSinceStart() {
    return (cpu().toMillis() - cpuAtStart.toMillis()) / 1000.0;
  }

  /**
   * Where the side's Kafka Streams threads spent their time, as their side reports it from Kafka
   * Streams' thread metrics, e.g. {@code process 55%, poll 20%, commit 22%, punctuate 1%}.
   */
  String streamThreadTime() throws IOException {
    return ask("THREADS").replaceFirst("^THREADS ", "");
  }

  /** The JVM's peak resident memory so far, in MB ({@code VmHWM}); NaN where /proc is missing. */
  double peakMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  private Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    try {
      if (process.isAlive()) {
        commands.write("STOP\n");
        commands.flush();
      }
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private String ask(String command) throws IOException {
    commands.write(command + "\n");
    commands.flush();
    return reply();
  }

  /** The next protocol line, without its prefix. */
  private String reply() throws IOException {
    for (String line = replies.readLine(); line != null; line = replies.readLine()) {
      if (line.startsWith(SideMain.PREFIX)) {
        return line.substring(SideMain.PREFIX.length());
      }
    }
    throw new UncheckedIOException(new IOException(name + "'s JVM ended without answering; see " + log));
  }

  /** The reply's text after {@code word}; a refusal or failure is thrown. */
  private static String expect(String reply, String word) throws Refused {
    if (reply.startsWith("REFUSED ")) {
      throw new Refused(reply.substring("REFUSED ".length()));
    }
    if (!reply.equals(word) && !reply.startsWith(word + " ")) {
      throw new IllegalStateException(reply.startsWith("FAILED ") ? reply.substring("FAILED ".length()) : reply);
    }
    return reply.substring(word.length()).trim();
  }
}

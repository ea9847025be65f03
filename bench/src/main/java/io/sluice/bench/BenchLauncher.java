package io.sluice.bench;

import io.sluice.server.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

/**
 * How an end-to-end benchmark runs from the command line: parses its flags (or prints its usage),
 * starts an embedded broker in a temporary directory, runs the benchmark, removes the directory
 * and exits with the benchmark's status.
 */
public final class BenchLauncher {

  /** A benchmark's body: runs it on the broker and returns the exit status (0: every check passed). */
  public interface Body<O> {
    int run(O options, String bootstrapServers, Admin admin, Path workDir) throws Exception;
  }

  private BenchLauncher() {}

  /** Runs benchmark {@code name}; never returns. */
  public static <O> void main(String name, String[] args, String usage, Function<String[], O> parser, Body<O> body)
      throws IOException {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(usage);
      return;
    }
    O options;
    try {
      options = parser.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(name + " benchmark: " + e.getMessage());
      System.err.println(usage);
      System.exit(2);
      return;
    }
    Path workDir = Files.createTempDirectory("sluice-bench-" + name);
    int status = 1;
    try (EmbeddedKafka broker = new EmbeddedKafka(workDir.resolve("kafka"), 0, Map.of("log.retention.ms", "-1"))) {
      broker.start();
      try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        status = body.run(options, broker.bootstrapServers(), admin, workDir);
      }
    } catch (Exception e) {
      System.err.println(name + " benchmark failed:");
      e.printStackTrace();
    } finally {
      deleteRecursively(workDir);
    }
    // Kafka and Jetty can leave non-daemon threads behind after a failure; the results are written by now.
    System.exit(status);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the benchmark's working directory " + dir, e);
    }
  }
}

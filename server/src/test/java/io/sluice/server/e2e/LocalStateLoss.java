package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.server.testing.Directories;
import io.sluice.server.testing.ServerProcess;
import io.sluice.server.testing.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A restart that loses a server's local state: a first server runs, is stopped with SIGTERM, its
 * Kafka Streams state directory is deleted, and a second server starts on the same service id and
 * data directory, so its queries come back from the command log and their stores from changelogs.
 */
final class LocalStateLoss {

  private static final Duration WAIT = Duration.ofSeconds(120);

  private final String name;
  private final String serviceId;
  private String queryId;

  /** @param name names the service id and the data directory */
  LocalStateLoss(String name) {
    this.name = name;
    this.serviceId = SharedKafka.uniqueName(name);
  }

  /**
   * Runs {@code before} on the first server, which returns the id of the query it created, restarts
   * without local state, then runs {@code after} on the second.
   */
  void run(Function<ServerProcess, String> before, Consumer<ServerProcess> after) {
    Path dataDir = Directories.createTemp("sluice-" + name);
    try {
      try (ServerProcess first = process(dataDir)) {
        queryId = before.apply(first);
        first.sigterm();
        assertEquals(0, first.awaitExit(WAIT), "exit code after SIGTERM");
      }
      Directories.deleteRecursively(dataDir.resolve("streams"));
      try (ServerProcess second = process(dataDir)) {
        after.accept(second);
      }
    } finally {
      Directories.deleteRecursively(dataDir);
    }
  }

  /** The consumer group of query {@code id}. */
  String groupOf(String id) {
    return serviceId + "_query_" + id;
  }

  /** The consumer group of the query the first server created. */
  String group() {
    return groupOf(queryId);
  }

  private ServerProcess process(Path dataDir) {
    return ServerProcess.builder().serviceId(serviceId).dataDir(dataDir).start();
  }
}

package io.sluice.server.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes every trace of a transient query once it ends: closes its Kafka Streams instance
 * (leaving the group), deletes its state directory, its internal topics (those named
 * {@code <applicationId>-...}) and its consumer group. Failures are logged, never thrown: a
 * leftover is harmless to other queries, since each transient query has an application id of its own.
 */
final class TransientCleanup {

  private static final Logger LOG = LoggerFactory.getLogger(TransientCleanup.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final long GROUP_RETRY_MS = 200;

  private TransientCleanup() {}

  static void run(KafkaStreams streams, String applicationId, Admin admin, Path stateDir) {
    if (streams != null) {
      streams.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
          .withTimeout(CLOSE_TIMEOUT));
      try {
        streams.cleanUp();
      } catch (RuntimeException e) {
        LOG.warn("Could not clean up the state of {}: {}", applicationId, e.toString());
      }
    }
    deleteDirectory(stateDir.resolve(applicationId));
    deleteInternalTopics(admin, applicationId);
    deleteGroup(admin, applicationId);
  }

  private static void deleteInternalTopics(Admin admin, String applicationId) {
    try {
      Set<String> names = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      List<String> internal = names.stream().filter(name -> name.startsWith(applicationId + "-")).toList();
      if (!internal.isEmpty()) {
        admin.deleteTopics(internal).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Could not delete the internal topics of {}: {}", applicationId, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Deletes the group, retrying while the closed member's leave is still being processed. */
  private static void deleteGroup(Admin admin, String applicationId) {
    long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
    while (true) {
      try {
        admin.deleteConsumerGroups(List.of(applicationId)).all()
            .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof GroupIdNotFoundException) {
          return;
        }
        if (!(e.getCause() instanceof GroupNotEmptyException) || System.nanoTime() - deadline > 0) {
          LOG.warn("Could not delete the consumer group {}: {}", applicationId, e.getCause().toString());
          return;
        }
      } catch (TimeoutException e) {
        LOG.warn("Could not delete the consumer group {}: {}", applicationId, e.toString());
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(GROUP_RETRY_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void deleteDirectory(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.warn("Could not delete the state directory {}: {}", dir, e.toString());
    }
  }
}

package io.sluice.server.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;

/** Waits until a Kafka cluster answers requests and has at least one registered broker. */
public final class KafkaReadiness {

  private KafkaReadiness() {}

  static void await(String bootstrapServers, Duration timeout) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      await(admin, timeout);
    }
  }

  /** Returns the cluster id once the cluster serves requests and has a broker. */
  public static String await(Admin admin, Duration timeout) {
    Deadline deadline = Deadline.after(timeout);
    Exception last = null;
    while (!deadline.passed()) {
      try {
        DescribeClusterResult cluster =
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(deadline.remainingMillisAtLeast(1_000)));
        long remaining = deadline.remainingMillisAtLeast(1_000);
        if (!cluster.nodes().get(remaining, TimeUnit.MILLISECONDS).isEmpty()) {
          return cluster.clusterId().get(remaining, TimeUnit.MILLISECONDS);
        }
      } catch (ExecutionException | TimeoutException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaException("Interrupted while waiting for Kafka", e);
      }
      deadline.pause();
    }
    throw new KafkaException("Kafka did not answer within " + timeout.toSeconds() + " s", last);
  }
}

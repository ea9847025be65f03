package io.sluice.server.kafka;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Answers "is Kafka reachable?" instantly from a cached result, refreshing it in the background
 * with a time-bounded describe-cluster call when it is older than the given age.
 */
public final class KafkaHealthProbe {

  private final Admin admin;
  private final long maxAgeNanos;
  private final int timeoutMillis;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile boolean reachable;
  private volatile long checkedAtNanos;

  /**
   * @param reachable the result to report until the first probe completes
   */
  public KafkaHealthProbe(Admin admin, Duration maxAge, Duration timeout, boolean reachable) {
    this.admin = admin;
    this.maxAgeNanos = maxAge.toNanos();
    this.timeoutMillis = (int) timeout.toMillis();
    this.reachable = reachable;
    this.checkedAtNanos = System.nanoTime();
  }

  /** The latest known answer; never blocks, and starts a new probe if that answer is stale. */
  public boolean reachable() {
    if (System.nanoTime() - checkedAtNanos > maxAgeNanos && probing.compareAndSet(false, true)) {
      probe();
    }
    return reachable;
  }

  private void probe() {
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis))
          .nodes()
          .whenComplete(
              (nodes, error) -> {
                reachable = error == null && !nodes.isEmpty();
                checkedAtNanos = System.nanoTime();
                probing.set(false);
              });
    } catch (RuntimeException closedAdmin) {
      reachable = false;
      checkedAtNanos = System.nanoTime();
      probing.set(false);
    }
  }
}

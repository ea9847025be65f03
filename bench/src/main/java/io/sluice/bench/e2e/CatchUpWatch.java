package io.sluice.bench.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches a consumer group through the Admin API until its committed offsets reach the input's end
 * offsets on every partition, and then those of its repartition topics (Kafka Streams names them
 * {@code <group>-...-repartition}) reach theirs. With exactly-once, offsets commit in the same
 * transaction as the records they produced (output, or repartitioned records for a later stage),
 * so once the input is committed the repartition topics hold everything they will get, and once
 * those are committed too every result is in the output topic. (Kafka Streams commits a
 * partition's consumer position when it has processed everything read, past the transaction
 * markers, so a finished group's committed offset is the end offset.)
 */
public final class CatchUpWatch {

  public static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

  private final Admin admin;
  private final Map<TopicPartition, Long> endOffsets;
  private final long events;

  public CatchUpWatch(Admin admin, Map<TopicPartition, Long> endOffsets) {
    this.admin = admin;
    this.endOffsets = Map.copyOf(endOffsets);
    this.events = endOffsets.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * When a group caught up, and its rate in the middle of the run, away from start-up and the last
   * commit: events committed per second between the first polls that saw 10% and 90% committed;
   * and when the first poll saw any event committed (start-up: joining the group, first commit).
   */
  public record CatchUp(long nanoTime, double steadyEventsPerSecond, long firstCommitNanoTime) {}

  /**
   * Polls every {@link #POLL_INTERVAL} until the group has caught up, printing progress and checking
   * the side has not failed every few seconds.
   *
   * @throws IllegalStateException if the group has not caught up within {@code timeout} of {@code startNanos}
   */
  public CatchUp awaitCaughtUp(Contender side, String groupId, long startNanos, Duration timeout) throws Exception {
    long deadline = startNanos + timeout.toNanos();
    long nextProgress = startNanos + PROGRESS_INTERVAL.toNanos();
    long tenPercentNanos = 0;
    long tenPercentCommitted = 0;
    long ninetyPercentNanos = 0;
    long ninetyPercentCommitted = 0;
    long firstCommitNanos = 0;
    while (true) {
      long lag = lag(groupId);
      long now = System.nanoTime();
      long committed = events - lag;
      if (firstCommitNanos == 0 && committed > 0) {
        firstCommitNanos = now;
      }
      if (tenPercentNanos == 0 && committed >= events / 10) {
        tenPercentNanos = now;
        tenPercentCommitted = committed;
      }
      if (ninetyPercentNanos == 0 && committed >= events * 9 / 10) {
        ninetyPercentNanos = now;
        ninetyPercentCommitted = committed;
      }
      if (lag == 0 && repartitionLag(groupId) == 0) {
        double steady = ninetyPercentNanos > tenPercentNanos
            ? (ninetyPercentCommitted - tenPercentCommitted) / ((ninetyPercentNanos - tenPercentNanos) / 1e9)
            : Double.NaN;
        return new CatchUp(now, steady, firstCommitNanos == 0 ? now : firstCommitNanos);
      }
      if (now - deadline > 0) {
        throw new IllegalStateException(side.name() + " did not process the input within " + timeout.toSeconds()
            + " s: consumer group " + groupId + " still lags " + lag + " of " + events + " events");
      }
      if (now - nextProgress > 0) {
        System.out.printf("  %-8s %6.1f s  %,d of %,d events committed%n",
            side.name(), (now - startNanos) / 1e9, committed, events);
        Optional<String> failure = side.failure();
        if (failure.isPresent()) {
          throw new IllegalStateException(failure.get());
        }
        nextProgress += PROGRESS_INTERVAL.toNanos();
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
  }

  /** Records of the group's repartition topics it has not committed yet. */
  private long repartitionLag(String groupId) throws InterruptedException {
    try {
      List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .filter(name -> name.startsWith(groupId + "-") && name.endsWith("-repartition"))
          .toList();
      if (topics.isEmpty()) {
        return 0;
      }
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
          description.partitions().forEach(
              partition -> request.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest())));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      long lag = 0;
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
        OffsetAndMetadata offset = committed.get(end.getKey());
        lag += Math.max(0, end.getValue().offset() - (offset == null ? 0 : offset.offset()));
      }
      return lag;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot read the repartition offsets of group " + groupId + ": " + e, e);
    }
  }

  /** Events the group has not committed yet, summed over the input's partitions. */
  private long lag(String groupId) throws InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot read the committed offsets of group " + groupId + ": " + e, e);
    }
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
      OffsetAndMetadata offset = committed.get(end.getKey());
      lag += Math.max(0, end.getValue() - (offset == null ? 0 : offset.offset()));
    }
    return lag;
  }
}

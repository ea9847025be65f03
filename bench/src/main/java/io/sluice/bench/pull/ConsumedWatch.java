package io.sluice.bench.pull;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a consumer group has committed the input's end offsets on every partition. With
 * exactly-once, offsets commit with the state changes they account for, so by then the group's
 * store holds every event.
 */
final class ConsumedWatch {

  private final Admin admin;
  private final Map<TopicPartition, Long> endOffsets;

  ConsumedWatch(Admin admin, Map<TopicPartition, Long> endOffsets) {
    this.admin = admin;
    this.endOffsets = Map.copyOf(endOffsets);
  }

  static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
    int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(60, TimeUnit.SECONDS)
        .get(topic).partitions().size();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int partition = 0; partition < partitions; partition++) {
      request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest =
        admin.listOffsets(request).all().get(60, TimeUnit.SECONDS);
    return latest.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
  }

  void await(String side, String groupId, Duration timeout) throws Exception {
    long start = System.nanoTime();
    long nextProgress = start + TimeUnit.SECONDS.toNanos(10);
    long total = endOffsets.values().stream().mapToLong(Long::longValue).sum();
    while (true) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      long lag = 0;
      for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
        OffsetAndMetadata offset = committed.get(end.getKey());
        lag += Math.max(0, end.getValue() - (offset == null ? 0 : offset.offset()));
      }
      if (lag == 0) {
        return;
      }
      long now = System.nanoTime();
      if (now - start > timeout.toNanos()) {
        throw new IllegalStateException(side + " did not read the input within " + timeout.toMinutes()
            + " minutes; " + lag + " events left");
      }
      if (now - nextProgress > 0) {
        System.out.printf("  %-8s %6.0f s  %,d of %,d events committed%n", side, (now - start) / 1e9, total - lag,
            total);
        nextProgress += TimeUnit.SECONDS.toNanos(10);
      }
      Thread.sleep(250);
    }
  }
}

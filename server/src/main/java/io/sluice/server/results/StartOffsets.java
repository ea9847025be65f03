package io.sluice.server.results;

import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.node.SourceNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Pins where a push query reading from {@code latest} starts: the end of each source partition as
 * of the request, committed for the query's new consumer group before it starts. Left to
 * {@code auto.offset.reset}, the end would be taken only once the group has formed, a second or
 * so later, and records written in between (after the client got the header) would be missed.
 */
final class StartOffsets {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private StartOffsets() {}

  static void commitEnds(Admin admin, String groupId, PhysicalPlan plan)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<String> topics = plan.nodes().stream()
        .filter(SourceNode.class::isInstance)
        .map(node -> ((SourceNode) node).topic())
        .distinct()
        .toList();
    Map<String, TopicDescription> described =
        admin.describeTopics(topics).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    described.values().forEach(topic -> topic.partitions().forEach(partition ->
        latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
    Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
    admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .forEach((partition, info) -> ends.put(partition, new OffsetAndMetadata(info.offset())));
    admin.alterConsumerGroupOffsets(groupId, ends).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}

package io.sluice.server.statement;

import io.sluice.server.kafka.Topics;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;

/** Makes sure a source's topic exists with the partition count a statement asks for. */
final class TopicPreparer {

  private TopicPreparer() {}

  /**
   * Checks an existing topic's partition count against {@code partitions} (if given), or creates a
   * missing topic with {@code partitions} (or {@code defaultPartitions}) and {@code replicas}.
   */
  static void prepare(Topics topics, String topic, Integer partitions, Integer replicas, Integer defaultPartitions) {
    try {
      prepareOrThrow(topics, topic, partitions, replicas, defaultPartitions);
    } catch (KafkaException e) {
      ApiException refusal = refusal(e);
      if (refusal == null) {
        throw e;
      }
      throw new StatementException("Could not use topic '" + topic + "': " + refusal.getMessage());
    }
  }

  private static void prepareOrThrow(
      Topics topics, String topic, Integer partitions, Integer replicas, Integer defaultPartitions) {
    Optional<Integer> existing = topics.partitionCountIfExists(topic);
    if (existing.isPresent()) {
      if (partitions != null && !partitions.equals(existing.get())) {
        throw new StatementException("A Kafka topic with the name '" + topic + "' already exists, with "
            + existing.get() + " partitions, not the " + partitions + " given in PARTITIONS");
      }
      return;
    }
    Integer count = partitions != null ? partitions : defaultPartitions;
    if (count == null) {
      throw new StatementException("Topic '" + topic + "' does not exist. Give PARTITIONS in the WITH clause to create it");
    }
    topics.create(topic, count, replicas == null ? (short) -1 : replicas.shortValue(), Map.of());
  }

  /** The broker's refusal (bad replication factor, partition count, name...) behind a failure, if that is what it was. */
  private static ApiException refusal(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException api && !(cause instanceof RetriableException)) {
        return api;
      }
    }
    return null;
  }
}

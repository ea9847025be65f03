package io.sluice.server.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates, inspects and deletes Kafka topics, and only returns once the change can be relied on.
 *
 * <p>A new topic is not handed out until every partition answers a list-offsets request: on Kafka
 * 4.3 the first batch sent to a brand-new partition can otherwise be lost (KAFKA-15591).
 */
public final class Topics {

  /** How long an operation may take on a loaded machine before it counts as failed. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final Admin admin;
  private final Duration timeout;

  public Topics(Admin admin) {
    this(admin, DEFAULT_TIMEOUT);
  }

  public Topics(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /**
   * Creates a topic and waits until every partition serves requests.
   *
   * @throws TopicExistsException if the topic exists already
   */
  public void create(String topic, int partitions, short replicas, Map<String, String> configs) {
    NewTopic newTopic = new NewTopic(topic, partitions, replicas).configs(configs);
    await(admin.createTopics(List.of(newTopic)).all(), "create topic " + topic);
    awaitReady(topic);
  }

  /** Creates the topic unless it exists; either way returns once it serves requests. Reports whether it created it. */
  public boolean createIfAbsent(String topic, int partitions, short replicas, Map<String, String> configs) {
    try {
      create(topic, partitions, replicas, configs);
      return true;
    } catch (TopicExistsException exists) {
      awaitReady(topic);
      return false;
    }
  }

  /** Waits until every partition of the topic answers a list-offsets request. */
  public void awaitReady(String topic) {
    Deadline deadline = Deadline.after(timeout);
    RuntimeException last = null;
    while (!deadline.passed()) {
      try {
        Map<TopicPartition, OffsetSpec> request =
            IntStream.range(0, partitionCount(topic))
                .mapToObj(partition -> new TopicPartition(topic, partition))
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        ListOffsetsOptions options = new ListOffsetsOptions().timeoutMs(deadline.remainingMillisAtLeast(1_000));
        await(admin.listOffsets(request, options).all(), "list offsets of " + topic);
        return;
      } catch (RetriableException e) {
        // includes UnknownTopicOrPartitionException while the new topic's metadata spreads
        last = e;
      }
      deadline.pause();
    }
    throw new KafkaException("Topic " + topic + " did not become ready within " + timeout.toSeconds() + " s", last);
  }

  /** @throws UnknownTopicOrPartitionException if there is no such topic */
  public int partitionCount(String topic) {
    return describe(topic).partitions().size();
  }

  /** @throws UnknownTopicOrPartitionException if there is no such topic */
  public TopicDescription describe(String topic) {
    return await(admin.describeTopics(List.of(topic)).allTopicNames(), "describe topic " + topic).get(topic);
  }

  public boolean exists(String topic) {
    return list(true).contains(topic);
  }

  /** The names of all topics, Kafka's internal ones ({@code __consumer_offsets}, ...) included or not. */
  public Set<String> list(boolean includeInternal) {
    ListTopicsOptions options = new ListTopicsOptions().listInternal(includeInternal);
    return await(admin.listTopics(options).names(), "list topics");
  }

  /** Every configuration entry of a topic, its own and the broker defaults it inherits, by name. */
  public Map<String, String> configs(String topic) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = await(admin.describeConfigs(List.of(resource)).all(), "describe configs of " + topic).get(resource);
    Map<String, String> entries = new HashMap<>();
    config.entries().forEach(entry -> entries.put(entry.name(), entry.value()));
    return entries;
  }

  /**
   * Deletes a topic and waits until the cluster no longer lists it.
   *
   * @throws UnknownTopicOrPartitionException if there is no such topic
   */
  public void delete(String topic) {
    await(admin.deleteTopics(List.of(topic)).all(), "delete topic " + topic);
    Deadline deadline = Deadline.after(timeout);
    while (exists(topic)) {
      if (deadline.passed()) {
        throw new KafkaException(
            "Topic " + topic + " was still listed " + timeout.toSeconds() + " s after deleting it");
      }
      deadline.pause();
    }
  }

  /** The topic's partition count, or empty if there is no such topic. */
  public Optional<Integer> partitionCountIfExists(String topic) {
    try {
      return Optional.of(partitionCount(topic));
    } catch (UnknownTopicOrPartitionException absent) {
      return Optional.empty();
    }
  }

  /** Waits for an admin result and rethrows Kafka's own exception, so callers can catch specific errors. */
  private <T> T await(KafkaFuture<T> future, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KafkaException kafkaException) {
        throw kafkaException;
      }
      throw new KafkaException("Cannot " + what + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("Cannot " + what + ": no answer from Kafka within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while trying to " + what, e);
    }
  }
}

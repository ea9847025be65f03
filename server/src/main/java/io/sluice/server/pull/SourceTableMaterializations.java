package io.sluice.server.pull;

import io.sluice.plan.SourceDescriptor;
import io.sluice.runtime.pull.SourceTableTopology;
import io.sluice.runtime.pull.StoreUnavailableException;
import io.sluice.server.ServerContext;
import io.sluice.server.query.StreamsProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The materializations of source tables for pull queries, one Kafka Streams instance per table
 * ({@link SourceTableTopology}), started by the table's first pull query and kept running until the
 * server stops. Its application id is {@code <service.id>_source_table_<TABLE>}, so a restarted
 * server resumes it from its committed offsets and its local store.
 *
 * <p>A pull query is answered only once the materialization has caught up with the topic as it was
 * when the query started: its committed offsets have reached the topic's (committed) end offsets.
 */
final class SourceTableMaterializations implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SourceTableMaterializations.class);
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final ServerContext context;
  private final Map<String, Running> running = new HashMap<>();
  private boolean closed;

  SourceTableMaterializations(ServerContext context) {
    this.context = context;
  }

  /** A materialization of {@code table}, caught up with its topic as of now; started if needed. */
  KafkaStreams caughtUp(SourceDescriptor table) {
    Running materialization = start(table);
    Map<TopicPartition, Long> ends = endOffsets(table.topic());
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    while (!caughtUp(materialization, ends)) {
      if (System.nanoTime() > deadline) {
        throw new StoreUnavailableException("the materialization of " + table.name() + " has not caught up with "
            + "topic " + table.topic() + " within " + CATCH_UP_TIMEOUT.toSeconds() + " s");
      }
      pause();
    }
    return materialization.streams();
  }

  private synchronized Running start(SourceDescriptor table) {
    if (closed) {
      throw new StoreUnavailableException("the server is stopping");
    }
    Running existing = running.get(table.name());
    if (existing != null && existing.table().equals(table)
        && existing.streams().state() != KafkaStreams.State.ERROR
        && existing.streams().state() != KafkaStreams.State.NOT_RUNNING) {
      return existing;
    }
    if (existing != null) {
      // The table was dropped and created again (or its materialization failed): start afresh,
      // without the old store's rows.
      close(existing);
      existing.streams().cleanUp();
    }
    Properties properties = StreamsProperties.forQuery(context.config(), context.bootstrapServers(),
        table.name(), Map.of());
    String applicationId = applicationId(table);
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    SourceTableTopology.configure(properties);
    KafkaStreams streams = new KafkaStreams(SourceTableTopology.build(table, properties), properties);
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("The materialization of source table {} failed", table.name(), e);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.start();
    Running started = new Running(table, applicationId, streams);
    running.put(table.name(), started);
    return started;
  }

  private String applicationId(SourceDescriptor table) {
    return context.config().serviceId() + "_source_table_" + table.name();
  }

  private boolean caughtUp(Running materialization, Map<TopicPartition, Long> ends) {
    KafkaStreams.State state = materialization.streams().state();
    if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
        || state == KafkaStreams.State.PENDING_ERROR || state == KafkaStreams.State.PENDING_SHUTDOWN) {
      throw new StoreUnavailableException("the materialization of " + materialization.table().name() + " is " + state);
    }
    if (state != KafkaStreams.State.RUNNING) {
      return false;
    }
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      committed = context.admin().listConsumerGroupOffsets(materialization.applicationId())
          .partitionsToOffsetAndMetadata().get();
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted");
    }
    return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
        || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
  }

  /** The committed end offset of every partition of {@code topic}. */
  private Map<TopicPartition, Long> endOffsets(String topic) {
    try {
      List<TopicPartition> partitions = context.admin().describeTopics(List.of(topic)).allTopicNames().get()
          .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      context.admin().listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
          .forEach((partition, info) -> ends.put(partition, info.offset()));
      return ends;
    } catch (ExecutionException e) {
      throw new StoreUnavailableException("cannot read the end offsets of topic " + topic + ": " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted");
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted");
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    running.values().forEach(SourceTableMaterializations::close);
    running.clear();
  }

  private static void close(Running materialization) {
    materialization.streams().close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(CLOSE_TIMEOUT));
  }

  /** One started materialization and the table definition it was started for. */
  private record Running(SourceDescriptor table, String applicationId, KafkaStreams streams) {}
}

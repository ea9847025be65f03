package io.sluice.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.server.ServerContext;
import io.sluice.server.engine.EngineSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code GET /processing-log?queryId=<id>&limit=<n>}: Sluice's own route for the console's query
 * page, the last processing-log entries of one query (docs/processing-log.md for their fields),
 * oldest first, as {@code {"entries":[{...,"timestamp":<ms>}]}}. It reads back at most
 * {@value #SCAN} records from the end of the log, so a query whose last error is older than that
 * shows fewer entries than asked.
 */
public final class ProcessingLogRoutes implements RestRoutes {

  static final int SCAN = 5000;
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 200;
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration DEADLINE = Duration.ofSeconds(5);

  /** One entry: the log's JSON value and the time it was written. */
  public record Entry(JsonNode value, long timestamp) {}

  @Override
  public void addTo(RoutesConfig routes, ServerContext context) {
    String topic = EngineSettings.processingLogTopic(context.config().serviceId());
    routes.get("/processing-log", ctx -> answer(ctx, context.kafkaClientConfig(), topic));
  }

  private static void answer(Context ctx, Map<String, Object> clientConfig, String topic) {
    String queryId = ctx.queryParam("queryId");
    if (queryId == null || queryId.isBlank()) {
      ErrorHandling.send(ctx, 400, "The queryId parameter is required");
      return;
    }
    String rawLimit = ctx.queryParam("limit");
    int limit;
    try {
      limit = rawLimit == null ? DEFAULT_LIMIT : Math.min(MAX_LIMIT, Math.max(1, Integer.parseInt(rawLimit.strip())));
    } catch (NumberFormatException e) {
      ErrorHandling.send(ctx, 400, "The limit parameter must be a number");
      return;
    }
    ctx.json(Map.of("entries", List.copyOf(tail(clientConfig, topic, queryId, limit))));
  }

  private static Deque<Entry> tail(Map<String, Object> clientConfig, String topic, String queryId, int limit) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Deque<Entry> entries = new ArrayDeque<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
      for (TopicPartition partition : partitions) {
        consumer.seek(partition, Math.max(begins.get(partition), ends.get(partition) - SCAN));
      }
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (!caughtUp(consumer, ends) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          JsonNode value = parse(record.value());
          if (value != null && queryId.equals(value.path("queryId").asText(null))) {
            entries.addLast(new Entry(value, record.timestamp()));
            if (entries.size() > limit) {
              entries.removeFirst();
            }
          }
        }
      }
    }
    return entries;
  }

  // Transaction markers take offsets too, so the position, not the last record, says when the end is reached.
  private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }

  private static JsonNode parse(byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      return Json.mapper().readTree(value);
    } catch (IOException e) {
      return null;
    }
  }
}

package io.sluice.bench.agg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The last value written for each output key that belongs to one of the sampled users, read from
 * the start of an output topic to its end. Keys are told apart by their bytes and shown as a user
 * id plus, for windowed keys ({@code TimeWindowedSerializer}: 8 key bytes then the window start),
 * the window start.
 *
 * @param records every record in the topic, sampled or not
 * @param lastValues the last value per sampled key, by the key's description
 * @param unreadableKeys records whose key is too short to hold a user id
 */
record OutputSample(long records, Map<String, JsonNode> lastValues, long unreadableKeys) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(500);

  static OutputSample read(Map<String, Object> clientConfig, String topic, Set<Long> users) throws IOException {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    long records = 0;
    long unreadable = 0;
    Map<String, JsonNode> lastValues = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (!reachedEnd(consumer, end)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          records++;
          byte[] key = record.key();
          if (key == null || key.length < Long.BYTES) {
            unreadable++;
          } else if (users.contains(ByteBuffer.wrap(key).getLong())) {
            lastValues.put(describe(key), record.value() == null ? NullNode.getInstance() : JSON.readTree(record.value()));
          }
        }
      }
    }
    return new OutputSample(records, lastValues, unreadable);
  }

  private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey()) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** {@code user 42}, {@code user 42 window 2024-01-01T00:03:00Z}, or the bytes in hex for any other layout. */
  static String describe(byte[] key) {
    ByteBuffer buffer = ByteBuffer.wrap(key);
    if (key.length == Long.BYTES) {
      return "user " + buffer.getLong();
    }
    if (key.length == 2 * Long.BYTES) {
      return "user " + buffer.getLong() + " window " + Instant.ofEpochMilli(buffer.getLong());
    }
    return "key 0x" + HexFormat.of().formatHex(key);
  }
}

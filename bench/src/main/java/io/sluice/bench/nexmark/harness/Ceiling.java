package io.sluice.bench.nexmark.harness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The ceiling: how fast a plain KafkaConsumer reads the whole input topic, doing nothing with the records. */
final class Ceiling {

  private Ceiling() {}

  /** Events per second reading {@code topic} from its start to its end offsets, in this JVM. */
  static double eventsPerSecond(String bootstrap, String topic) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long start = System.nanoTime();
      consumer.seekToBeginning(partitions);
      long events = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        events += consumer.poll(Duration.ofMillis(500)).count();
      }
      return events / ((System.nanoTime() - start) / 1e9);
    }
  }
}

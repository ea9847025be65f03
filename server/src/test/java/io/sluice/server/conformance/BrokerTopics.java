package io.sluice.server.conformance;

import io.sluice.plan.SourceDescriptor;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Produces a case's inputs to, and reads committed records from, topics of the shared broker. */
final class BrokerTopics {

  private BrokerTopics() {}

  /** Produces the inputs in order, each to its partition, and waits until the broker has them all. */
  static void produce(List<InputRecord> inputs, PlannedScript script) {
    Map<String, Object> config = new HashMap<>(SharedKafka.clientConfig());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (InputRecord input : inputs) {
        SourceDescriptor source = script.sourceOver(input.topic()).orElseThrow(() -> new IllegalArgumentException(
            "the case produces to topic " + input.topic() + ", which no source reads"));
        sent.add(producer.send(new ProducerRecord<>(input.topic(), input.partition(), input.timestamp(),
            RecordBytes.key(input, source.schema(), source.formats()), RecordBytes.value(input))));
      }
      for (Future<RecordMetadata> future : sent) {
        future.get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new AssertionError("could not produce the case's inputs", e);
    }
  }

  static int partitionCount(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      return consumer.partitionsFor(topic).size();
    }
  }

  /**
   * The topic's committed records, once there are at least {@code count}: read from the start until
   * that many arrived, then on to the end offsets of that moment, so that extra records show too.
   */
  static List<TopicRecord> awaitAtLeast(String topic, int count, Duration timeout) {
    List<TopicRecord> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = Poll.forValue(timeout, () -> {
        var infos = consumer.partitionsFor(topic);
        return infos == null || infos.isEmpty() ? null
            : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      }, "topic " + topic + " to exist");
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Poll.until(timeout, () -> {
        poll(consumer, records);
        return records.size() >= count;
      }, count + " records on " + topic);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Poll.until(timeout, () -> {
        poll(consumer, records);
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
      }, "reading " + topic + " to its end");
    }
    return records;
  }

  private static void poll(KafkaConsumer<byte[], byte[]> consumer, List<TopicRecord> into) {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      into.add(new TopicRecord(r.partition(), r.key(), r.value(), r.timestamp()));
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> config = new HashMap<>(SharedKafka.clientConfig());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}

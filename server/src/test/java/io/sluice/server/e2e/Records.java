package io.sluice.server.e2e;

import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Produces raw records to, and reads committed records from, topics of one Kafka cluster. */
final class Records {

  private final Map<String, Object> clientConfig;

  private Records(Map<String, Object> clientConfig) {
    this.clientConfig = clientConfig;
  }

  /** Records on the shared test broker. */
  static Records shared() {
    return new Records(SharedKafka.clientConfig());
  }

  /** Records on the cluster at {@code bootstrapServers}. */
  static Records at(String bootstrapServers) {
    return new Records(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** Sends records and waits until the broker has them all. */
  void produce(String topic, List<ProducerRecord<byte[], byte[]>> records) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (ProducerRecord<byte[], byte[]> record : records) {
        sent.add(producer.send(record));
      }
      for (java.util.concurrent.Future<?> future : sent) {
        future.get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new AssertionError("could not produce to " + topic, e);
    }
  }

  static ProducerRecord<byte[], byte[]> record(String topic, byte[] key, String value, long timestamp) {
    return new ProducerRecord<>(topic, null, timestamp, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] bigintKey(long key) {
    return ByteBuffer.allocate(8).putLong(key).array();
  }

  static byte[] stringKey(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  /** A KAFKA-format STRING key as a JSON string, for {@link #line}. */
  static final Function<byte[], String> STRING_KEY = bytes -> "\"" + text(bytes) + "\"";

  /** A KAFKA-format BIGINT key as its number, for {@link #line}. */
  static final Function<byte[], String> BIGINT_KEY = bytes -> Long.toString(ByteBuffer.wrap(bytes).getLong());

  /**
   * A record as the conformance cases write it, {@code @TIME KEY | VALUE} ({@code <null>} for a
   * tombstone), with TIME in milliseconds after {@code epoch}, so tests can compare whole topics.
   */
  static String line(ConsumerRecord<byte[], byte[]> record, long epoch, Function<byte[], String> key) {
    return "@" + (record.timestamp() - epoch) + " " + key.apply(record.key()) + " | "
        + (record.value() == null ? "<null>" : text(record.value()));
  }

  /**
   * A session-windowed key as {@code window=START,END KEY}, times after {@code epoch}: Kafka
   * Streams' session windowed serializer writes the key, then the session's end, then its start.
   */
  static Function<byte[], String> sessionWindowed(Function<byte[], String> key, long epoch) {
    return bytes -> {
      ByteBuffer window = ByteBuffer.wrap(bytes, bytes.length - 16, 16);
      long end = window.getLong();
      long start = window.getLong();
      return "window=" + (start - epoch) + "," + (end - epoch) + " "
          + key.apply(Arrays.copyOf(bytes, bytes.length - 16));
    };
  }

  /** Every committed record of the topic now, each as {@link #line}. */
  List<String> lines(String topic, long epoch, Function<byte[], String> key) {
    return readAll(topic).stream().map(record -> line(record, epoch, key)).toList();
  }

  /** Reads the topic's committed records from the start until there are at least {@code count}. */
  List<ConsumerRecord<byte[], byte[]>> awaitAtLeast(String topic, int count, Duration timeout) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = committedConsumer()) {
      List<TopicPartition> partitions = Poll.forValue(timeout, () -> {
        var infos = consumer.partitionsFor(topic);
        return infos == null || infos.isEmpty() ? null
            : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      }, "topic " + topic + " to exist");
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      try {
        Poll.until(timeout, () -> {
          consumer.poll(Duration.ofMillis(200)).forEach(out::add);
          return out.size() >= count;
        }, count + " records in " + topic);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + " (have " + out.size() + ")", e);
      }
    }
    return out;
  }

  /** Everything committed in the topic now: reads up to the end offsets as of the call. */
  List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = committedConsumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Poll.until(Duration.ofSeconds(60), () -> {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
      }, "reading " + topic + " to its end");
    }
    return out;
  }

  /** A group-less consumer that sees committed records only, as a downstream application would. */
  private KafkaConsumer<byte[], byte[]> committedConsumer() {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The end offset of each partition of the topic. */
  Map<TopicPartition, Long> endOffsets(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(clientConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      return consumer.endOffsets(partitions);
    }
  }

  /**
   * Waits until consumer group {@code groupId} has committed the end of every partition of {@code topic},
   * and until none of the group's transactions is still open. The second half matters because a
   * transaction's offsets can be visible before its commit markers reach the output partitions; until
   * then a committed read of the output stops short of that transaction's records.
   */
  void awaitCommitted(String groupId, String topic, Duration timeout) {
    Poll.until(timeout, () -> {
      Map<TopicPartition, OffsetAndMetadata> committed =
          SharedKafka.admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> ends = endOffsets(topic);
      return ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
          && committed.get(e.getKey()).offset() >= e.getValue()) && !hasOpenTransaction(groupId);
    }, "group " + groupId + " to commit the end of " + topic);
  }

  /** Whether a transactional producer of the Kafka Streams application {@code applicationId} is mid-transaction. */
  private static boolean hasOpenTransaction(String applicationId) throws Exception {
    Set<TransactionState> open = EnumSet.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT,
        TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);
    return SharedKafka.admin().listTransactions().all().get().stream()
        .anyMatch(t -> t.transactionalId().startsWith(applicationId + "-") && open.contains(t.state()));
  }

  static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}

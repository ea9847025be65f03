package io.sluice.server.commands;

import io.sluice.server.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The cluster's ordered, never-expiring log of accepted commands: a single-partition topic
 * {@code _sluice_<service.id>_commands}, written with an idempotent producer, replayed from
 * the start by every node and then followed, so that every node applies every node's commands. Commands are opaque JSON text here; their meaning belongs to the caller.
 */
public final class CommandLog implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);

  private final String topic;
  private final TopicPartition partition;
  private final Map<String, Object> clientConfig;
  private final KafkaProducer<String, String> producer;
  private KafkaConsumer<String, String> reader;
  /** Asks for the log's end alone, under its own lock, so that asking never waits for a read. */
  private final Object endLock = new Object();
  private KafkaConsumer<String, String> endReader;

  private CommandLog(String topic, Map<String, Object> clientConfig) {
    this.topic = topic;
    this.partition = new TopicPartition(topic, 0);
    this.clientConfig = Map.copyOf(clientConfig);
    this.producer = new KafkaProducer<>(producerConfig(clientConfig), new StringSerializer(), new StringSerializer());
  }

  /** The command log topic of a service: {@code _sluice_<service.id>_commands}. */
  public static String topicName(String serviceId) {
    return "_sluice_" + serviceId + "_commands";
  }

  /**
   * Creates the service's command log topic if it is missing, waits until it serves requests and
   * opens the log for writing.
   *
   * @param clientConfig client settings, {@code bootstrap.servers} included
   */
  public static CommandLog open(Admin admin, Map<String, Object> clientConfig, String serviceId) {
    String topic = topicName(serviceId);
    Topics topics = new Topics(admin, TIMEOUT);
    short replicas = (short) Math.min(3, brokerCount(admin));
    Map<String, String> keepForever = Map.of("retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "delete");
    topics.createIfAbsent(topic, 1, replicas, keepForever);
    return new CommandLog(topic, clientConfig);
  }

  public String topic() {
    return topic;
  }

  /**
   * Appends one command and returns its offset once every in-sync replica has it.
   *
   * @throws CommandLogException if Kafka did not acknowledge the write. After an error from the
   *     broker the command is not in the log; after a timeout or an interrupt it may still arrive,
   *     and then takes effect at the next replay
   */
  public synchronized long append(String json) {
    try {
      RecordMetadata written =
          producer.send(new ProducerRecord<>(topic, 0, null, json)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return written.offset();
    } catch (ExecutionException e) {
      throw new CommandLogException(
          "Cannot write to the command log " + topic + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new CommandLogException(
          "Cannot write to the command log " + topic + ": no acknowledgement within " + TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandLogException("Interrupted while writing to the command log " + topic, e);
    }
  }

  /** Every command from the start of the log up to its end as of this call, in log order. */
  public List<CommandRecord> readAll() {
    return readFrom(0);
  }

  /**
   * The commands from offset {@code from} up to the log's end as of this call, in log order. One
   * reader at a time: callers that follow the log hold their own lock around this.
   */
  public synchronized List<CommandRecord> readFrom(long from) {
    try {
      KafkaConsumer<String, String> consumer = reader();
      long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      List<CommandRecord> commands = new ArrayList<>();
      if (from >= end) {
        return commands;
      }
      consumer.seek(partition, from);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (consumer.position(partition, TIMEOUT) < end) {
        if (System.nanoTime() - deadline > 0) {
          throw new CommandLogException(
              "Cannot read the command log " + topic + ": stuck at offset " + consumer.position(partition)
                  + " of " + end + " for " + TIMEOUT.toSeconds() + " s",
              null);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
          if (record.offset() < end) {
            commands.add(new CommandRecord(record.offset(), record.value()));
          }
        }
      }
      return commands;
    } catch (KafkaException e) {
      closeReader();
      throw new CommandLogException("Cannot read the command log " + topic + ": " + e.getMessage(), e);
    }
  }

  /**
   * The offset the next command will get: how far the log reaches now. It takes its own consumer,
   * so a node that only checks for other nodes' commands holds no lock a statement needs.
   */
  public long endOffset() {
    synchronized (endLock) {
      try {
        if (endReader == null) {
          endReader = new KafkaConsumer<>(consumerConfig(clientConfig), new StringDeserializer(), new StringDeserializer());
          // Assigned, or a read_committed consumer warns on every answer that the partition is not its own.
          endReader.assign(List.of(partition));
        }
        return endReader.endOffsets(List.of(partition), TIMEOUT).get(partition);
      } catch (KafkaException e) {
        if (endReader != null) {
          endReader.close(Duration.ofSeconds(5));
          endReader = null;
        }
        throw new CommandLogException("Cannot read the end of the command log " + topic + ": " + e.getMessage(), e);
      }
    }
  }

  /** The consumer that reads the log, kept between reads since a node reads it again and again. */
  private KafkaConsumer<String, String> reader() {
    if (reader == null) {
      reader = new KafkaConsumer<>(consumerConfig(clientConfig), new StringDeserializer(), new StringDeserializer());
      reader.assign(List.of(partition));
    }
    return reader;
  }

  private void closeReader() {
    if (reader != null) {
      reader.close(Duration.ofSeconds(5));
      reader = null;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closeReader();
    }
    synchronized (endLock) {
      if (endReader != null) {
        endReader.close(Duration.ofSeconds(5));
        endReader = null;
      }
    }
    producer.close(Duration.ofSeconds(10));
  }

  private static int brokerCount(Admin admin) {
    try {
      return admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
    } catch (ExecutionException | TimeoutException e) {
      throw new CommandLogException("Cannot count the Kafka brokers for the command log's replication", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandLogException("Interrupted while counting the Kafka brokers", e);
    }
  }

  private static Map<String, Object> producerConfig(Map<String, Object> clientConfig) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    return config;
  }

  private static Map<String, Object> consumerConfig(Map<String, Object> clientConfig) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return config;
  }
}

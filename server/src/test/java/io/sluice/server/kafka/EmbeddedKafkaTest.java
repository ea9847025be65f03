package io.sluice.server.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.testing.Poll;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process broker serves clients and keeps its data and identity across restarts. */
class EmbeddedKafkaTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path dataDir;

  @Test
  void restartOnTheSameDataDirectoryKeepsClusterIdTopicsAndRecords() throws Exception {
    String clusterId;
    try (EmbeddedKafka kafka = new EmbeddedKafka(dataDir, 0)) {
      kafka.start();
      clusterId = kafka.clusterId();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        new Topics(admin).create("events", 2, (short) 1, Map.of());
      }
      produce(kafka.bootstrapServers(), "events", List.of("a", "b", "c"));
      assertEquals(List.of("a", "b", "c"), consumeAll(kafka.bootstrapServers(), "events", 3));
    }

    try (EmbeddedKafka kafka = new EmbeddedKafka(dataDir, 0)) {
      kafka.start();

      assertEquals(clusterId, kafka.clusterId());
      assertEquals(List.of("a", "b", "c"), consumeAll(kafka.bootstrapServers(), "events", 3));
    }
  }

  @Test
  void startFailsClearlyWhenTheFixedPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      EmbeddedKafka kafka = new EmbeddedKafka(dataDir, taken.getLocalPort());

      KafkaException error = assertThrows(KafkaException.class, kafka::start);

      assertTrue(error.getMessage().contains("port " + taken.getLocalPort()), error.getMessage());
      assertTrue(error.getMessage().contains("kafka.embedded.port"), error.getMessage());
    }
  }

  private static void produce(String bootstrapServers, String topic, List<String> values) throws Exception {
    Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers, "acks", "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, 0, null, value)).get();
      }
    }
  }

  private static List<String> consumeAll(String bootstrapServers, String topic, int expected) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      List<String> values = new ArrayList<>();
      Poll.until(
          TIMEOUT,
          () -> {
            consumer.poll(Duration.ofMillis(100)).forEach(record -> values.add(record.value()));
            return values.size() >= expected;
          },
          expected + " records from " + topic);
      return values;
    }
  }
}

package io.sluice.server.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.testing.SharedKafka;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Topic administration returns only once the change can be relied on. */
class TopicsTest {

  private final Topics topics = SharedKafka.topics();

  @Test
  void createdTopicHasItsPartitionsAndConfigsAndTakesTheFirstWriteAtOnce() throws Exception {
    String topic = SharedKafka.uniqueTopic("created");

    topics.create(topic, 3, (short) 1, Map.of("cleanup.policy", "compact"));

    assertEquals(3, topics.partitionCount(topic));
    assertEquals("compact", topics.configs(topic).get("cleanup.policy"));
    assertTrue(topics.list(false).contains(topic));
    Map<String, Object> config = SharedKafka.clientConfig();
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (int partition = 0; partition < 3; partition++) {
        RecordMetadata written =
            producer.send(new ProducerRecord<>(topic, partition, "k", "v")).get(30, TimeUnit.SECONDS);
        assertEquals(0, written.offset());
      }
    }
  }

  @Test
  void creatingAnExistingTopicFailsButCreateIfAbsentDoesNot() {
    String topic = SharedKafka.uniqueTopic("twice");
    assertTrue(topics.createIfAbsent(topic, 1, (short) 1, Map.of()));

    assertThrows(TopicExistsException.class, () -> topics.create(topic, 1, (short) 1, Map.of()));
    assertFalse(topics.createIfAbsent(topic, 2, (short) 1, Map.of()));
    assertEquals(1, topics.partitionCount(topic));
  }

  @Test
  void deleteReturnsOnceTheTopicIsGone() {
    String topic = SharedKafka.uniqueTopic("deleted");
    topics.create(topic, 2, (short) 1, Map.of());

    topics.delete(topic);

    assertFalse(topics.exists(topic));
    assertEquals(Optional.empty(), topics.partitionCountIfExists(topic));
    assertThrows(UnknownTopicOrPartitionException.class, () -> topics.partitionCount(topic));
  }
}

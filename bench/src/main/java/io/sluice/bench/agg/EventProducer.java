package io.sluice.bench.agg;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * Writes the benchmark's input: seeded, so every run sees the same events. Each event is a user id
 * key in Kafka's BIGINT format and a value {@code {"USERID":..,"AMOUNT":..,"TS":..}}, its record
 * timestamp equal to TS. Event time advances {@value #EVENTS_PER_SECOND} events per second from
 * {@link #START}, so 5M events span 5,000 s, about 84 one-minute windows; one event in
 * {@value #LATE_ONE_IN} is up to {@value #MAX_LATENESS_MS} ms older than its neighbours, late
 * but well within the queries' 10 s grace, so no side drops anything.
 */
final class EventProducer {

  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  static final int EVENTS_PER_SECOND = 1_000;
  static final int LATE_ONE_IN = 20;
  static final int MAX_LATENESS_MS = 5_000;
  private static final long SEED = 20240101L;
  private static final int MAX_AMOUNT = 100;

  private EventProducer() {}

  /** Produces {@code events} events over {@code keys} user ids and returns once all are acknowledged. */
  static void produce(Map<String, Object> clientConfig, String topic, long events, int keys, String compression) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L << 20);
    AtomicReference<Exception> firstFailure = new AtomicReference<>();
    AtomicLong failures = new AtomicLong();
    SplittableRandom random = new SplittableRandom(SEED);
    long startMillis = START.toEpochMilli();
    try (KafkaProducer<Long, byte[]> producer =
        new KafkaProducer<>(config, new LongSerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < events && firstFailure.get() == null; i++) {
        long user = random.nextInt(keys);
        long amount = 1 + random.nextInt(MAX_AMOUNT);
        long ts = startMillis + i * 1_000 / EVENTS_PER_SECOND;
        if (random.nextInt(LATE_ONE_IN) == 0) {
          ts -= random.nextInt(MAX_LATENESS_MS);
        }
        byte[] value = ("{\"USERID\":" + user + ",\"AMOUNT\":" + amount + ",\"TS\":" + ts + "}")
            .getBytes(StandardCharsets.US_ASCII);
        producer.send(new ProducerRecord<>(topic, null, ts, user, value), (metadata, error) -> {
          if (error != null) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, error);
          }
        });
      }
      producer.flush();
    }
    if (firstFailure.get() != null) {
      throw new IllegalStateException(
          failures.get() + " input events were not written to " + topic, firstFailure.get());
    }
  }

  /** The user ids whose outputs are compared: {@code count} distinct ids, the same in every run. */
  static Set<Long> sampleUsers(int keys, int count) {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    Set<Long> users = new HashSet<>();
    while (users.size() < count) {
      users.add((long) random.nextInt(keys));
    }
    return users;
  }
}

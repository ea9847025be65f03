package io.sluice.bench.pull;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * Writes the table's input, seeded: the key in Kafka's BIGINT format and a value
 * {@code {"USERID":..,"AMOUNT":..,"TS":..}}. Every key from 0 to {@code keys - 1} comes once, in a
 * shuffled order, then the remaining events go to random keys, so counts differ from key to key
 * and every lookup has a row to find.
 */
final class KeyedEvents {

  private static final long SEED = 20261203L;

  private KeyedEvents() {}

  /** Produces the events and returns each key's count, which the lookups must find. */
  static int[] produce(Map<String, Object> clientConfig, String topic, int keys, long events) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L << 20);
    SplittableRandom random = new SplittableRandom(SEED);
    int[] order = new int[keys];
    for (int i = 0; i < keys; i++) {
      order[i] = i;
    }
    for (int i = keys - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] counts = new int[keys];
    AtomicReference<Exception> firstFailure = new AtomicReference<>();
    AtomicLong failures = new AtomicLong();
    long ts = 1_764_720_000_000L;
    try (KafkaProducer<Long, byte[]> producer =
        new KafkaProducer<>(config, new LongSerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < events && firstFailure.get() == null; i++) {
        int key = i < keys ? order[(int) i] : random.nextInt(keys);
        counts[key]++;
        byte[] value = ("{\"USERID\":" + key + ",\"AMOUNT\":" + (1 + random.nextInt(100)) + ",\"TS\":" + (ts + i)
            + "}").getBytes(StandardCharsets.US_ASCII);
        producer.send(new ProducerRecord<>(topic, null, ts + i, (long) key, value), (metadata, error) -> {
          if (error != null) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, error);
          }
        });
      }
      producer.flush();
    }
    if (firstFailure.get() != null) {
      throw new IllegalStateException(failures.get() + " events were not written to " + topic, firstFailure.get());
    }
    return counts;
  }
}

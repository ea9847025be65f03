package io.sluice.bench.pull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * End-to-end freshness: produces events at a steady rate to a few keys of the table and polls each
 * of those keys' pull query over and over; an event is visible at the first answer whose count
 * includes it, and the time from just before its send to that answer is its produce-to-visible
 * latency. Every produced event is measured. Polling a few hot keys, not one key per event, keeps
 * the polling rate within what the server answers, so the measure's resolution is the interval
 * between two polls of the same key (reported beside the figures), not a queue of thousands of
 * events waiting for their turn.
 */
final class FreshnessProbe {

  /** An event whose count is not visible this long after it was sent counts as lost. */
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int POLLERS = 2;

  record Result(long produced, long seen, long lost, long failures, double p50Ms, double p99Ms, double maxMs,
      double pollsPerSecond, double pollIntervalMs, Optional<String> firstFailure) {}

  private record Sent(long expected, long nanos) {}

  private final Map<String, Object> clientConfig;
  private final String topic;
  private final LookupTarget target;
  private final int[] counts;

  /** {@code counts} holds each key's current count; the probe adds the events it produces to it. */
  FreshnessProbe(Map<String, Object> clientConfig, String topic, LookupTarget target, int[] counts) {
    this.clientConfig = clientConfig;
    this.topic = topic;
    this.target = target;
    this.counts = counts;
  }

  Result run(double seconds, int perSecond, int hotKeys) throws Exception {
    SplittableRandom random = new SplittableRandom(4242);
    int[] keys = new int[Math.min(hotKeys, counts.length)];
    List<ConcurrentLinkedQueue<Sent>> pending = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      keys[i] = random.nextInt(counts.length);
      pending.add(new ConcurrentLinkedQueue<>());
    }
    AtomicLong polls = new AtomicLong();
    AtomicLong lost = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    AtomicBoolean producing = new AtomicBoolean(true);
    List<Latencies> latencies = new ArrayList<>();
    List<Thread> pollers = new ArrayList<>();
    for (int p = 0; p < POLLERS; p++) {
      Latencies mine = new Latencies();
      latencies.add(mine);
      LookupTarget.Client client = target.open();
      int first = p;
      Thread poller = new Thread(() -> {
        try (client) {
          while (producing.get() || pending.stream().anyMatch(queue -> !queue.isEmpty())) {
            for (int i = first; i < keys.length; i += POLLERS) {
              ConcurrentLinkedQueue<Sent> queue = pending.get(i);
              long count;
              try {
                count = client.lookup(keys[i]);
              } catch (Exception e) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, "key " + keys[i] + ": " + e);
                continue;
              }
              long now = System.nanoTime();
              polls.incrementAndGet();
              for (Sent sent = queue.peek(); sent != null; sent = queue.peek()) {
                if (sent.expected() <= count) {
                  mine.add(now - sent.nanos());
                } else if (now - sent.nanos() > GIVE_UP_NANOS) {
                  lost.incrementAndGet();
                } else {
                  break;
                }
                queue.poll();
              }
            }
          }
        }
      }, "bench-freshness-" + p);
      poller.start();
      pollers.add(poller);
    }
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    long total = (long) (seconds * perSecond);
    long start = System.nanoTime();
    try (KafkaProducer<Long, byte[]> producer =
        new KafkaProducer<>(config, new LongSerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < total; i++) {
        long due = start + i * 1_000_000_000L / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        int slot = random.nextInt(keys.length);
        int key = keys[slot];
        long expected = ++counts[key];
        long ts = System.currentTimeMillis();
        byte[] value = ("{\"USERID\":" + key + ",\"AMOUNT\":1,\"TS\":" + ts + "}").getBytes(StandardCharsets.US_ASCII);
        pending.get(slot).add(new Sent(expected, System.nanoTime()));
        producer.send(new ProducerRecord<>(topic, null, ts, (long) key, value), (metadata, error) -> {
          if (error != null) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, "produce: " + error);
          }
        });
      }
      producer.flush();
    } finally {
      producing.set(false);
    }
    for (Thread poller : pollers) {
      poller.join();
    }
    double pollSeconds = (System.nanoTime() - start) / 1e9;
    double pollsPerSecond = polls.get() / pollSeconds;
    Latencies all = Latencies.merge(latencies);
    return new Result(total, all.size(), lost.get(), failures.get(), all.percentile(50) / 1e6,
        all.percentile(99) / 1e6, all.percentile(100) / 1e6, pollsPerSecond,
        pollsPerSecond == 0 ? Double.NaN : keys.length / pollsPerSecond * 1e3, Optional.ofNullable(firstFailure.get()));
  }
}

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
 * End-to-end freshness: produces events to random keys of the table at a steady rate and, for each
 * one, polls the key's pull query until the count that includes it is visible; the time from just
 * before the send to the first answer that shows it is the event's produce-to-visible latency.
 * A few poller threads share the pending events, re-polling each in turn, so the figures also hold
 * the polling interval (reported beside them).
 */
final class FreshnessProbe {

  /** An event whose count is not visible this long after it was sent counts as lost. */
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int POLLERS = 4;

  record Result(long produced, long seen, long lost, long failures, double p50Ms, double p99Ms, double maxMs,
      double pollsPerSecond, double meanPendingEvents, Optional<String> firstFailure) {}

  private record Pending(long key, long expected, long sentNanos) {}

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

  Result run(double seconds, int perSecond) throws Exception {
    ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    AtomicLong polls = new AtomicLong();
    AtomicLong lost = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicLong pendingSamples = new AtomicLong();
    AtomicLong pendingSum = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    AtomicBoolean producing = new AtomicBoolean(true);
    List<Latencies> latencies = new ArrayList<>();
    List<Thread> pollers = new ArrayList<>();
    for (int i = 0; i < POLLERS; i++) {
      Latencies mine = new Latencies();
      latencies.add(mine);
      LookupTarget.Client client = target.open();
      Thread poller = new Thread(() -> {
        try (client) {
          while (producing.get() || !pending.isEmpty()) {
            Pending event = pending.poll();
            if (event != null && System.nanoTime() - event.sentNanos() > GIVE_UP_NANOS) {
              lost.incrementAndGet();
              continue;
            }
            if (event == null) {
              LockSupport.parkNanos(100_000);
              continue;
            }
            long count;
            try {
              count = client.lookup(event.key());
            } catch (Exception e) {
              failures.incrementAndGet();
              firstFailure.compareAndSet(null, "key " + event.key() + ": " + e);
              pending.add(event);
              continue;
            }
            long now = System.nanoTime();
            polls.incrementAndGet();
            if (count >= event.expected()) {
              mine.add(now - event.sentNanos());
            } else {
              pending.add(event);
            }
          }
        }
      }, "bench-freshness-" + i);
      poller.start();
      pollers.add(poller);
    }
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    SplittableRandom random = new SplittableRandom(4242);
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
        int key = random.nextInt(counts.length);
        long expected = ++counts[key];
        long ts = System.currentTimeMillis();
        byte[] value = ("{\"USERID\":" + key + ",\"AMOUNT\":1,\"TS\":" + ts + "}").getBytes(StandardCharsets.US_ASCII);
        long sent = System.nanoTime();
        producer.send(new ProducerRecord<>(topic, null, ts, (long) key, value), (metadata, error) -> {
          if (error != null) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, "produce: " + error);
          }
        });
        pending.add(new Pending(key, expected, sent));
        if (i % 100 == 0) {
          pendingSamples.incrementAndGet();
          pendingSum.addAndGet(pending.size());
        }
      }
      producer.flush();
    } finally {
      producing.set(false);
    }
    for (Thread poller : pollers) {
      poller.join();
    }
    double pollSeconds = (System.nanoTime() - start) / 1e9;
    Latencies all = Latencies.merge(latencies);
    return new Result(total, all.size(), lost.get(), failures.get(), all.percentile(50) / 1e6,
        all.percentile(99) / 1e6, all.percentile(100) / 1e6, polls.get() / pollSeconds,
        pendingSamples.get() == 0 ? 0 : (double) pendingSum.get() / pendingSamples.get(),
        Optional.ofNullable(firstFailure.get()));
  }
}

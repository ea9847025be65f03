package io.sluice.bench.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: {@code clients} threads, each on its own connection, look up random keys one
 * after the other for a warmup and then a measured window, timing every lookup and checking
 * every answer against the count each key should have. A failure is counted and reported, never
 * timed, so a broken server cannot look fast.
 */
final class LoadRun {

  private final LookupTarget target;
  private final int[] expectedCounts;
  private final int clients;
  private final long warmupNanos;
  private final long measureNanos;

  LoadRun(LookupTarget target, int[] expectedCounts, int clients, double warmupSeconds, double seconds) {
    this.target = target;
    this.expectedCounts = expectedCounts;
    this.clients = clients;
    this.warmupNanos = (long) (warmupSeconds * 1e9);
    this.measureNanos = (long) (seconds * 1e9);
  }

  LoadResult run() throws Exception {
    List<LookupTarget.Client> connections = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        connections.add(target.open());
      }
      long start = System.nanoTime();
      long measureFrom = start + warmupNanos;
      long end = measureFrom + measureNanos;
      List<Latencies> latencies = new ArrayList<>();
      AtomicLong failures = new AtomicLong();
      AtomicReference<String> firstFailure = new AtomicReference<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        Latencies mine = new Latencies();
        latencies.add(mine);
        LookupTarget.Client client = connections.get(i);
        SplittableRandom random = new SplittableRandom(1_000_003L * (i + 1) + clients);
        Thread thread = new Thread(() -> drive(client, random, measureFrom, end, mine, failures, firstFailure),
            "bench-client-" + i);
        thread.start();
        threads.add(thread);
      }
      for (Thread thread : threads) {
        thread.join();
      }
      Latencies all = Latencies.merge(latencies);
      double seconds = measureNanos / 1e9;
      return new LoadResult(target.name(), clients, seconds, all.size(), all.size() / seconds,
          all.percentile(50) / 1e6, all.percentile(99) / 1e6, all.percentile(99.9) / 1e6,
          all.percentile(100) / 1e6, failures.get(), Optional.ofNullable(firstFailure.get()));
    } finally {
      connections.forEach(LookupTarget.Client::close);
    }
  }

  private void drive(LookupTarget.Client client, SplittableRandom random, long measureFrom, long end,
      Latencies latencies, AtomicLong failures, AtomicReference<String> firstFailure) {
    while (true) {
      long key = random.nextInt(expectedCounts.length);
      long before = System.nanoTime();
      if (before - end >= 0) {
        return;
      }
      String failure;
      try {
        long count = client.lookup(key);
        long after = System.nanoTime();
        if (count == expectedCounts[(int) key]) {
          // Only lookups that both start and end inside the window count, so the rate is not padded at the edges.
          if (before - measureFrom >= 0 && after - end < 0) {
            latencies.add(after - before);
          }
          continue;
        }
        failure = "key " + key + ": count " + count + ", expected " + expectedCounts[(int) key];
      } catch (Exception e) {
        failure = "key " + key + ": " + e;
      }
      failures.incrementAndGet();
      firstFailure.compareAndSet(null, target.name() + ", " + failure);
    }
  }
}

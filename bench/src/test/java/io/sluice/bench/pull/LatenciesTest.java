package io.sluice.bench.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesAreNearestRankOverAllThreadsLatencies() {
    Latencies first = new Latencies();
    Latencies second = new Latencies();
    // 1..1000, split across two threads and out of order
    for (int i = 1000; i >= 1; i--) {
      (i % 2 == 0 ? first : second).add(i);
    }
    Latencies all = Latencies.merge(List.of(first, second));
    assertEquals(1000, all.size());
    assertEquals(500, all.percentile(50));
    assertEquals(990, all.percentile(99));
    assertEquals(999, all.percentile(99.9));
    assertEquals(1000, all.percentile(100));
    assertEquals(1, all.percentile(0));
  }

  @Test
  void aSingleSlowLookupIsThePercentileOnceFewerThanItsShareAreFaster() {
    Latencies latencies = new Latencies();
    for (int i = 0; i < 99; i++) {
      latencies.add(1);
    }
    latencies.add(1_000);
    Latencies all = Latencies.merge(List.of(latencies));
    assertEquals(1, all.percentile(99));
    assertEquals(1_000, all.percentile(99.9));
  }

  @Test
  void noLatenciesHaveNoPercentiles() {
    assertTrue(Double.isNaN(Latencies.merge(List.of()).percentile(50)));
  }
}

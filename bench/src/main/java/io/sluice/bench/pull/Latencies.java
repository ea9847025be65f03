package io.sluice.bench.pull;

import java.util.Arrays;

/** Every latency of a run, in nanoseconds, kept whole (a few million longs at most) so percentiles are exact. */
final class Latencies {

  private long[] values = new long[1 << 16];
  private int size;

  void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  int size() {
    return size;
  }

  /** Joins several threads' latencies, sorted, ready for {@link #percentile}. */
  static Latencies merge(Iterable<Latencies> parts) {
    Latencies all = new Latencies();
    for (Latencies part : parts) {
      for (int i = 0; i < part.size; i++) {
        all.add(part.values[i]);
      }
    }
    Arrays.sort(all.values, 0, all.size);
    return all;
  }

  /**
   * The nearest-rank percentile of sorted latencies: the smallest value that at least {@code p}
   * percent of them do not exceed; NaN when there are none.
   */
  double percentile(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    // The small margin keeps a rank that is whole on paper (99.9% of 1,000) from rounding up through float error.
    int rank = (int) Math.ceil(p * size / 100.0 - 1e-9);
    return values[Math.max(0, Math.min(size, rank) - 1)];
  }
}

package io.sluice.bench.nexmark;

import java.io.PrintStream;

/** A progress bar on one line of a terminal, redrawn in place at most a few times a second. */
final class ProgressBar {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 250_000_000L;

  private final PrintStream out;
  private final String what;
  private final long total;
  private final long startNanos = System.nanoTime();
  private long lastDrawNanos;

  ProgressBar(PrintStream out, String what, long total) {
    this.out = out;
    this.what = what;
    this.total = total;
  }

  /** Redraws the bar if it was last drawn long enough ago. */
  void update(long done) {
    long now = System.nanoTime();
    if (now - lastDrawNanos >= REDRAW_NANOS) {
      lastDrawNanos = now;
      draw(done, now);
    }
  }

  /** Draws the final state and ends the line. */
  void finish(long done) {
    draw(done, System.nanoTime());
    out.println();
    out.flush();
  }

  private void draw(long done, long now) {
    double seconds = Math.max((now - startNanos) / 1e9, 1e-9);
    double fraction = total == 0 ? 1 : Math.min(1.0, (double) done / total);
    int filled = (int) (fraction * WIDTH);
    double rate = done / seconds;
    String eta = done == 0 || done >= total ? "" : String.format("  ETA %ds", (long) ((total - done) / rate));
    out.printf("\r[%s%s] %3.0f%% %,d/%,d %s  %,.0f/s  %.0fs%s   ", "=".repeat(filled), " ".repeat(WIDTH - filled),
        fraction * 100, done, total, what, rate, seconds, eta);
    out.flush();
  }
}

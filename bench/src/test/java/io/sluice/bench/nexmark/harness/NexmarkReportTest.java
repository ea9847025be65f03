package io.sluice.bench.nexmark.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run of several rounds sums each query up: its ratio per round, their median, and each side's median CPU. */
class NexmarkReportTest {

  @Test
  void severalRoundsGiveEachQueryItsRatiosAndTheirMedian() {
    NexmarkOptions options = NexmarkOptions.parse(new String[] {"--rounds", "3", "--queries", "q0,q5"});
    NexmarkReport report = new NexmarkReport(options, 1e6, false, List.of(
        result("q0", 1, 100, 10.0, 100, 10.0),
        result("q0", 2, 90, 11.0, 100, 9.0),
        result("q0", 3, 120, 12.0, 100, 11.0),
        result("q5", 1, 25, 20.0, 100, 13.0),
        new QueryResult("q5", 2, SideOutcome.refused("sql", "no"), side(100, 13.0), Optional.empty()),
        result("q5", 3, 35, 22.0, 100, 14.0)));
    assertEquals(String.join("\n",
        "",
        "Over 3 rounds:",
        "",
        "| query | SQL / hand-written per round | median | CPU s SQL, median | CPU s hand-written, median |",
        "|---|---|---|---|---|",
        "| q0 | 1.00, 0.90, 1.20 | 1.00 | 11.0 | 10.0 |",
        "| q5 | 0.25, 0.35 | 0.30 | 21.0 | 13.5 |",
        ""), report.roundsSummary());
  }

  @Test
  void oneRoundHasNoSummary() {
    NexmarkReport report = new NexmarkReport(NexmarkOptions.parse(new String[] {"--queries", "q0"}), 1e6, false,
        List.of(result("q0", 1, 100, 10.0, 100, 10.0)));
    assertFalse(report.markdown().contains("Over 1 rounds"), report.markdown());
  }

  private static QueryResult result(String query, int round, double sqlRate, double sqlCpu, double twinRate,
      double twinCpu) {
    return new QueryResult(query, round, side(sqlRate, sqlCpu), side(twinRate, twinCpu), Optional.empty());
  }

  /** A side that read 1,000 events at {@code rate} events/s. */
  private static SideOutcome side(double rate, double cpu) {
    return SideOutcome.measured("side", 1_000, 1_000 / rate, rate, cpu, 100);
  }
}

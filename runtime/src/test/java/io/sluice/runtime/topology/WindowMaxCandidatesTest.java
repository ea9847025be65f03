package io.sluice.runtime.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class WindowMaxCandidatesTest {

  private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();

  @Test
  void passesOnOnlyTheRowsThatMayRaiseOrReachAMaximumAndThoseThatCloseAWindow() {
    WindowMaxCandidates candidates = started(0);
    candidates.process(bid(1, 5L, 1_000, 1_000));
    candidates.process(bid(2, 3L, 2_000, 2_000));
    candidates.process(bid(3, 5L, 3_000, 3_000));
    candidates.process(bid(4, 7L, 4_000, 4_000));
    candidates.process(bid(5, 6L, 5_000, 5_000));
    candidates.process(bid(6, null, 6_000, 6_000));
    candidates.process(bid(7, 1L, 10_000, 10_000));
    candidates.process(bid(8, 2L, 11_000, 11_000));
    candidates.process(bid(9, 1L, 12_000, 12_000));
    candidates.process(bid(10, 0L, 20_000, 20_000));
    assertEquals(List.of(1L, 3L, 4L, 7L, 8L, 10L), forwardedAuctions(),
        "2 and 5 are below [0, 10)'s greatest, 6 has no price, 9 is below [10, 20)'s; 7 and 10 close a window");
  }

  @Test
  void aRowBelowItsOwnWindowsGreatestGoesOnWhenItMayReachThatOfAWindowItIsACandidateOf() {
    WindowMaxCandidates candidates = started(10_000);
    candidates.process(bid(1, 5L, 1_000, 1_000));
    candidates.process(bid(2, 1L, 11_000, 11_000));
    candidates.process(bid(3, 8L, 12_000, 12_000));
    candidates.process(bid(4, 5L, 14_000, 9_500));
    candidates.process(bid(5, 4L, 15_000, 9_600));
    assertEquals(List.of(1L, 2L, 3L, 4L), forwardedAuctions(),
        "4 is below [10, 20)'s 8 but equals [0, 10)'s 5, which its dateTime makes it a candidate of; 5 is below both");
  }

  @Test
  void aRestartForgetsWhatItSawAndPassesOnMore() {
    started(0).process(bid(1, 7L, 1_000, 1_000));
    started(0).process(bid(2, 3L, 2_000, 2_000));
    assertEquals(List.of(1L, 2L), forwardedAuctions());
  }

  /** A first step over rows {@code [auction, price, dateTime]}, 10 s tumbling windows ending 0 to 10 s after the dateTime. */
  private WindowMaxCandidates started(long grace) {
    Downstream downstream = new Downstream();
    downstream.resolve(List.of("output"));
    WindowMaxWindows windows = new WindowMaxWindows(
        new WindowSpec(WindowType.TUMBLING, 10_000, null, grace, 10_000 + grace), 0, 10_000);
    WindowMaxCandidates candidates = new WindowMaxCandidates(null, null, false, 1, 2, windows, downstream);
    candidates.init(context);
    return candidates;
  }

  private List<Long> forwardedAuctions() {
    return context.forwarded().stream().map(forwarded -> (Long) ((Object[]) forwarded.record().value())[0]).toList();
  }

  private static Record<Object, Object> bid(long auction, Long price, long time, long dateTime) {
    return new Record<>(null, new Object[] {auction, price, Instant.ofEpochMilli(dateTime)}, time);
  }
}

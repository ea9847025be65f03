package io.sluice.runtime.pull;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OffsetLagBoundTest {

  private static final Map<Integer, Long> LAGS = Map.of(0, 0L, 1, 12L, 2, 3L);

  @Test
  void standbyWithinTheBoundAnswers() {
    assertDoesNotThrow(() -> OffsetLagBound.check("S", LAGS, Set.of(0, 2), 3));
    assertDoesNotThrow(() -> OffsetLagBound.check("S", LAGS, Set.of(1), 12));
  }

  @Test
  void standbyPastTheBoundIsRefusedNamingPartitionAndLag() {
    StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
        () -> OffsetLagBound.check("S", LAGS, Set.of(0, 1, 2), 5));
    assertEquals("partition 1 of store S is 12 records behind on this standby, more than the allowed offset lag 5",
        e.getMessage());
  }

  @Test
  void boundZeroRefusesAnyLag() {
    assertThrows(StoreUnavailableException.class, () -> OffsetLagBound.check("S", LAGS, Set.of(2), 0));
    assertDoesNotThrow(() -> OffsetLagBound.check("S", LAGS, Set.of(0), 0));
  }

  @Test
  void noBoundReadsAnyLag() {
    assertDoesNotThrow(() -> OffsetLagBound.check("S", LAGS, Set.of(1, 7), ReadScope.NO_LAG_BOUND));
  }

  @Test
  void aPartitionWithNoLocalCopyIsRefused() {
    StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
        () -> OffsetLagBound.check("S", LAGS, Set.of(7), 100));
    assertEquals("partition 7 of store S has no copy on this node whose lag is known", e.getMessage());
  }
}

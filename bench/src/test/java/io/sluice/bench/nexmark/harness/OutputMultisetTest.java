package io.sluice.bench.nexmark.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputMultisetTest {

  private static final byte[] KEY = {0, 0, 0, 0, 0, 0, 3, (byte) 0xe8};

  @Test
  void sameRecordsInAnotherOrderWithOtherFieldOrderAndNumberSpellingAreEqual() {
    OutputMultiset sql = of(new byte[][] {KEY, null}, "{\"A\":1,\"P\":908.000}", "{\"A\":2}");
    OutputMultiset twin = of(new byte[][] {null, KEY}, "{\"A\":2.0}", "{\"P\":9.08E2,\"A\":1}");
    OutputMultiset.Comparison comparison = OutputMultiset.compare(sql, twin);
    assertTrue(comparison.equal(), comparison.examples().toString());
    assertEquals(2, comparison.sqlRecords());
  }

  @Test
  void aRepeatedRecordCountsAndDifferencesAreListedWithTheirKey() {
    OutputMultiset sql = of(new byte[][] {KEY, KEY}, "{\"A\":1}", "{\"A\":1}");
    OutputMultiset twin = of(new byte[][] {KEY, null}, "{\"A\":1}", "{\"A\":1}");
    OutputMultiset.Comparison comparison = OutputMultiset.compare(sql, twin);
    assertFalse(comparison.equal());
    assertEquals(1, comparison.onlySql());
    assertEquals(1, comparison.onlyTwin());
    assertEquals(List.of("only in SQL (1x): 00000000000003e8 {\"A\":1}", "only hand-written (1x): null {\"A\":1}"),
        comparison.examples());
  }

  @Test
  void stringsAndNumbersAreNotConfused() {
    assertFalse(OutputMultiset.compare(of(new byte[][] {null}, "{\"A\":\"1\"}"), of(new byte[][] {null}, "{\"A\":1}"))
        .equal());
  }

  private static OutputMultiset of(byte[][] keys, String... values) {
    OutputMultiset multiset = new OutputMultiset();
    for (int i = 0; i < values.length; i++) {
      multiset.add(keys[i], values[i].getBytes(StandardCharsets.UTF_8));
    }
    return multiset;
  }
}

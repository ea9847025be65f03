package io.sluice.bench.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The output check passes only when Sluice wrote the baseline's keys with the baseline's final values. */
class OutputComparisonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void agreesWhenEveryBaselineColumnHasTheSameNumberWhateverItsJsonSpellingOrExtraColumns() {
    OutputSample baseline = sample(Map.of("user 1", "{\"N\":2,\"TOTAL\":17}", "user 2", "{\"N\":1,\"TOTAL\":5}"));
    OutputSample sluice = sample(Map.of("user 1", "{\"TOTAL\":17.0,\"N\":2}", "user 2", "{\"N\":1,\"TOTAL\":5,\"X\":0}"));

    OutputComparison check = OutputComparison.of(baseline, sluice);

    assertTrue(check.agrees(), check.examples().toString());
    assertEquals(2, check.comparedKeys());
  }

  @Test
  void reportsKeysMissingOnEitherSideAndDifferentFinalValues() {
    OutputSample baseline = sample(Map.of("user 1", "{\"N\":2}", "user 2", "{\"N\":1}", "user 3", "{\"N\":4}"));
    OutputSample sluice = sample(Map.of("user 1", "{\"N\":3}", "user 3", "{\"N\":4}", "user 4", "{\"N\":1}"));

    OutputComparison check = OutputComparison.of(baseline, sluice);

    assertFalse(check.agrees());
    assertEquals(List.of(
        "user 1: baseline {\"N\":2}, Sluice {\"N\":3}",
        "user 2: baseline {\"N\":1}, nothing from Sluice",
        "user 4: Sluice {\"N\":1}, nothing from the baseline"), check.examples());
  }

  @Test
  void anEmptyBaselineSampleIsAFailureNotAVacuousAgreement() {
    assertFalse(OutputComparison.of(sample(Map.of()), sample(Map.of())).agrees());
  }

  @Test
  void windowedKeysAreShownAsUserAndWindowStart() {
    byte[] key = ByteBuffer.allocate(16).putLong(42).putLong(60_000).array();
    assertEquals("user 42 window 1970-01-01T00:01:00Z", OutputSample.describe(key));
  }

  private static OutputSample sample(Map<String, String> lastValues) {
    Map<String, JsonNode> parsed = new HashMap<>();
    lastValues.forEach((key, value) -> parsed.put(key, parse(value)));
    return new OutputSample(lastValues.size(), parsed, 0);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

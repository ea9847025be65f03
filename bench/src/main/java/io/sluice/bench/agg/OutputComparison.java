package io.sluice.bench.agg;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Whether Sluice's output agrees with the baseline's for the sampled users: the same keys, and for
 * each the same final value in every column the baseline writes (numbers compared by value, so
 * {@code 17} and {@code 17.0} agree).
 *
 * @param comparedKeys sampled keys the baseline wrote
 * @param mismatchCount keys missing on either side or with a different final value
 * @param examples the first few mismatches, described
 */
record OutputComparison(int comparedKeys, int mismatchCount, List<String> examples) {

  private static final int MAX_EXAMPLES = 10;

  static OutputComparison of(OutputSample baseline, OutputSample sluice) {
    List<String> mismatches = new ArrayList<>();
    if (sluice.unreadableKeys() > 0) {
      mismatches.add("Sluice wrote " + sluice.unreadableKeys() + " records with keys shorter than a BIGINT");
    }
    Map<String, JsonNode> expected = baseline.lastValues();
    Map<String, JsonNode> actual = sluice.lastValues();
    for (String key : new TreeSet<>(expected.keySet())) {
      JsonNode sluiceValue = actual.get(key);
      if (sluiceValue == null) {
        mismatches.add(key + ": baseline " + expected.get(key) + ", nothing from Sluice");
      } else if (!agrees(expected.get(key), sluiceValue)) {
        mismatches.add(key + ": baseline " + expected.get(key) + ", Sluice " + sluiceValue);
      }
    }
    for (String key : new TreeSet<>(actual.keySet())) {
      if (!expected.containsKey(key)) {
        mismatches.add(key + ": Sluice " + actual.get(key) + ", nothing from the baseline");
      }
    }
    if (expected.isEmpty()) {
      mismatches.add("the baseline wrote nothing for the sampled users, so there is nothing to compare");
    }
    return new OutputComparison(expected.size(), mismatches.size(),
        List.copyOf(mismatches.subList(0, Math.min(MAX_EXAMPLES, mismatches.size()))));
  }

  boolean agrees() {
    return mismatchCount == 0;
  }

  private static boolean agrees(JsonNode baseline, JsonNode sluice) {
    if (!baseline.isObject()) {
      return baseline.equals(sluice);
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = baseline.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode other = sluice.get(field.getKey());
      if (other == null || !sameValue(field.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}

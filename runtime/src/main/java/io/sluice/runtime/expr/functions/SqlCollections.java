package io.sluice.runtime.expr.functions;

import java.util.List;
import java.util.Map;

/** Element access in ARRAY and MAP values, as ksqlDB's subscript {@code a[i]} and {@code m[k]}. */
public final class SqlCollections {

  private SqlCollections() {}

  /** The element at 1-based {@code index}, counted from the end when negative (-1 is the last); null when out of range. */
  public static Object element(List<?> array, int index) {
    int position = index > 0 ? index - 1 : array.size() + index;
    return index == 0 || position < 0 || position >= array.size() ? null : array.get(position);
  }

  /** The value of {@code key}, or null when absent. */
  public static Object value(Map<?, ?> map, String key) {
    return map.get(key);
  }
}

package io.sluice.runtime.aggregate;

import io.sluice.plan.DataType;
import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryValues;
import io.sluice.runtime.serde.BinaryWriter;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many rows had each distinct value, in first-seen order, with at most {@code limit} distinct
 * values (further new values are ignored). Keeping counts rather than a set is what lets a row be
 * undone: a value leaves only when its count falls to zero. The base of COUNT_DISTINCT,
 * COLLECT_SET and HISTOGRAM.
 */
abstract class ValueCounts implements Accumulator {

  private final DataType type;
  private final boolean skipNulls;
  private final int limit;
  /** Values as keys; BYTES are wrapped so that equal contents are equal keys. */
  private final Map<Object, long[]> counts = new LinkedHashMap<>();

  ValueCounts(DataType type, boolean skipNulls, int limit) {
    this.type = type;
    this.skipNulls = skipNulls;
    this.limit = limit;
  }

  @Override
  public void add(Object value) {
    if (value != null || !skipNulls) {
      addCount(keyOf(value), 1);
    }
  }

  @Override
  public void undo(Object value) {
    if (value == null && skipNulls) {
      return;
    }
    Object key = keyOf(value);
    long[] count = counts.get(key);
    if (count != null && --count[0] <= 0) {
      counts.remove(key);
    }
  }

  @Override
  public void merge(Accumulator later) {
    for (Map.Entry<Object, long[]> entry : ((ValueCounts) later).counts.entrySet()) {
      addCount(entry.getKey(), entry.getValue()[0]);
    }
  }

  /** The distinct values and their counts, in first-seen order; keys as {@link #valueOf} gives them. */
  final Map<Object, long[]> counts() {
    return counts;
  }

  /** The SQL value of a map key. */
  static Object valueOf(Object key) {
    return key instanceof ByteBuffer buffer ? buffer.array() : key;
  }

  @Override
  public void write(BinaryWriter out) {
    out.writeVarLong(counts.size());
    for (Map.Entry<Object, long[]> entry : counts.entrySet()) {
      BinaryValues.write(out, valueOf(entry.getKey()), type);
      out.writeVarLong(entry.getValue()[0]);
    }
  }

  @Override
  public void read(BinaryReader in) {
    int n = in.readVarInt();
    for (int i = 0; i < n; i++) {
      Object key = keyOf(BinaryValues.read(in, type));
      counts.put(key, new long[] {in.readVarLong()});
    }
  }

  private void addCount(Object key, long n) {
    long[] count = counts.get(key);
    if (count != null) {
      count[0] += n;
    } else if (counts.size() < limit) {
      counts.put(key, new long[] {n});
    }
  }

  private static Object keyOf(Object value) {
    return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
  }
}

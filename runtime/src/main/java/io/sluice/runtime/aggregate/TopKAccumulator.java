package io.sluice.runtime.aggregate;

import io.sluice.plan.DataType;
import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryValues;
import io.sluice.runtime.serde.BinaryWriter;
import java.util.ArrayList;
import java.util.List;

/** TOPK or TOPKDISTINCT: the k greatest non-null values, greatest first, with or without duplicates. */
final class TopKAccumulator extends StreamOnlyAccumulator {

  private final int k;
  private final boolean distinct;
  private final DataType type;
  private final List<Comparable<Object>> top = new ArrayList<>();

  TopKAccumulator(int k, boolean distinct, DataType type) {
    this.k = k;
    this.distinct = distinct;
    this.type = type;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(Object value) {
    if (value == null || k <= 0) {
      return;
    }
    Comparable<Object> candidate = (Comparable<Object>) value;
    int at = 0;
    while (at < top.size() && top.get(at).compareTo(candidate) > 0) {
      at++;
    }
    if (distinct && at < top.size() && top.get(at).compareTo(candidate) == 0) {
      return;
    }
    if (at < k) {
      top.add(at, candidate);
      if (top.size() > k) {
        top.remove(k);
      }
    }
  }

  @Override
  public void merge(Accumulator later) {
    for (Object value : ((TopKAccumulator) later).top) {
      add(value);
    }
  }

  @Override
  public Object result() {
    return new ArrayList<Object>(top);
  }

  @Override
  public void write(BinaryWriter out) {
    out.writeVarLong(top.size());
    for (Object value : top) {
      BinaryValues.write(out, value, type);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void read(BinaryReader in) {
    int n = in.readVarInt();
    for (int i = 0; i < n; i++) {
      top.add((Comparable<Object>) BinaryValues.read(in, type));
    }
  }
}

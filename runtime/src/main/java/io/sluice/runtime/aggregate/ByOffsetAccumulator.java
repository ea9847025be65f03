package io.sluice.runtime.aggregate;

import io.sluice.plan.DataType;
import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryValues;
import io.sluice.runtime.serde.BinaryWriter;

/**
 * LATEST_BY_OFFSET or EARLIEST_BY_OFFSET: the value of the last or first row processed, skipping
 * nulls when {@code ignoreNulls}. Merging sessions keeps the later session's latest and the
 * earlier session's earliest value.
 */
final class ByOffsetAccumulator extends StreamOnlyAccumulator {

  private final boolean latest;
  private final boolean ignoreNulls;
  private final DataType type;
  private boolean seen;
  private Object value;

  ByOffsetAccumulator(boolean latest, boolean ignoreNulls, DataType type) {
    this.latest = latest;
    this.ignoreNulls = ignoreNulls;
    this.type = type;
  }

  @Override
  public void add(Object candidate) {
    if ((candidate == null && ignoreNulls) || (seen && !latest)) {
      return;
    }
    value = candidate;
    seen = true;
  }

  @Override
  public void merge(Accumulator later) {
    ByOffsetAccumulator other = (ByOffsetAccumulator) later;
    if (other.seen && (latest || !seen)) {
      value = other.value;
      seen = true;
    }
  }

  @Override
  public Object result() {
    return value;
  }

  @Override
  public void write(BinaryWriter out) {
    out.writeBoolean(seen);
    BinaryValues.write(out, value, type);
  }

  @Override
  public void read(BinaryReader in) {
    seen = in.readBoolean();
    value = BinaryValues.read(in, type);
  }
}

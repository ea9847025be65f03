package io.sluice.runtime.aggregate;

import java.util.Arrays;

/** The group-by values of one group, in group-by order: the key an aggregation groups and stores by. */
public final class GroupKey {

  private final Object[] values;

  public GroupKey(Object[] values) {
    this.values = values;
  }

  /** The values; callers must not change them. */
  public Object[] values() {
    return values;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GroupKey key && Arrays.deepEquals(values, key.values);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.deepToString(values);
  }
}

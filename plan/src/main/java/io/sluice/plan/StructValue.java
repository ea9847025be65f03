package io.sluice.plan;

import java.util.Arrays;

/**
 * The runtime value of a STRUCT: its field values in the order of the type's fields, each null or of
 * the field type's Java class. Immutable; equal when all fields are equal, so structs can be group
 * keys. Field names live in the {@link DataType}, not here.
 */
public final class StructValue {

  private final Object[] values;

  private StructValue(Object[] values) {
    this.values = values;
  }

  /** A struct of {@code values}, which the caller hands over and no longer changes. */
  public static StructValue wrap(Object[] values) {
    return new StructValue(values);
  }

  /** A struct of a copy of {@code values}. */
  public static StructValue of(Object... values) {
    return new StructValue(values.clone());
  }

  /** The value of the field at {@code index}, or null. */
  public Object get(int index) {
    return values[index];
  }

  /** The number of fields. */
  public int size() {
    return values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StructValue other && Arrays.deepEquals(values, other.values);
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

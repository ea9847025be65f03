package io.sluice.runtime.serde;

import io.sluice.plan.ColumnKind;
import io.sluice.plan.Formats;
import io.sluice.plan.RowSchema;

/**
 * Converts whole rows ({@code Object[]} in {@link RowSchema} order) to record key and value bytes
 * and back, for a topic's schema and formats. Pseudo columns are never written and are left null
 * when reading. Immutable and thread-safe.
 *
 * <p>This is what {@code INSERT INTO ... VALUES} (row to bytes) and {@code PRINT} (bytes to row) use.
 */
public final class RowCodec {

  private final RowSchema schema;
  private final KeyCodec key;
  private final ValueCodec value;
  private final int[] keyPositions;
  private final int[] valuePositions;

  private RowCodec(RowSchema schema, Formats formats, ValueUse[] uses) {
    this.schema = schema;
    this.key = KeyCodec.of(schema.keyColumns(), formats.keyFormat());
    this.keyPositions = schema.indexesOf(ColumnKind.KEY);
    this.valuePositions = schema.indexesOf(ColumnKind.VALUE);
    ValueUse[] valueUses = null;
    if (uses != null) {
      valueUses = new ValueUse[valuePositions.length];
      for (int i = 0; i < valuePositions.length; i++) {
        valueUses[i] = uses[valuePositions[i]];
      }
    }
    this.value = ValueCodec.reading(schema.valueColumns(), formats.valueFormat(), valueUses);
  }

  /** A codec for rows of {@code schema} in {@code formats}; throws if the formats cannot hold the columns. */
  public static RowCodec of(RowSchema schema, Formats formats) {
    return new RowCodec(schema, formats, null);
  }

  /**
   * A codec whose reads take of each value column only what {@code uses} says, per column of
   * {@code schema} (see {@link ValueCodec#reading}); keys are read whole.
   */
  public static RowCodec reading(RowSchema schema, Formats formats, ValueUse[] uses) {
    return new RowCodec(schema, formats, uses);
  }

  public RowSchema schema() {
    return schema;
  }

  public KeyCodec keyCodec() {
    return key;
  }

  public ValueCodec valueCodec() {
    return value;
  }

  /** The slots of the key columns in a row, in key column order. */
  public int[] keyPositions() {
    return keyPositions.clone();
  }

  /** The slots of the value columns in a row, in value column order. */
  public int[] valuePositions() {
    return valuePositions.clone();
  }

  /** The record key for {@code row}; null when the schema has no key columns. */
  public byte[] serializeKey(Object[] row) {
    return key.serialize(checked(row), keyPositions);
  }

  /** The record value for {@code row}. */
  public byte[] serializeValue(Object[] row) {
    return value.serialize(checked(row), valuePositions);
  }

  /** A row read from record key and value bytes; pseudo columns are null. */
  public Object[] deserialize(byte[] keyBytes, byte[] valueBytes) {
    Object[] row = new Object[schema.size()];
    key.deserializeInto(keyBytes, row, keyPositions);
    value.deserializeInto(valueBytes, row, valuePositions);
    return row;
  }

  private Object[] checked(Object[] row) {
    if (row.length != schema.size()) {
      throw new IllegalArgumentException(
          "expected a row of " + schema.size() + " columns, got " + row.length);
    }
    return row;
  }
}

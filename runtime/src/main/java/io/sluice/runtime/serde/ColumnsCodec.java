package io.sluice.runtime.serde;

import io.sluice.plan.Column;
import io.sluice.plan.SerdeFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns the columns of a record key or value into bytes and back, in one {@link SerdeFormat}.
 * Instances are immutable and thread-safe. Errors are {@link RecordFormatException}s whose message
 * is the reason for the processing log.
 *
 * <p>Values are the columns' Java classes ({@link io.sluice.plan.TypeName#javaClass()}), null for
 * SQL NULL. The plain methods take and give values in column order; the positional ones read and
 * write them straight in a wider row, {@code positions[i]} being column {@code i}'s slot.
 */
public abstract sealed class ColumnsCodec permits KeyCodec, ValueCodec {

  private final List<Column> columns;
  private final SerdeFormat format;
  private final ColumnsFormat layout;
  private final int[] identity;

  ColumnsCodec(List<Column> columns, SerdeFormat format, ColumnsFormat layout) {
    this.columns = List.copyOf(columns);
    this.format = format;
    this.layout = layout;
    this.identity = IntStream.range(0, columns.size()).toArray();
  }

  public List<Column> columns() {
    return columns;
  }

  public SerdeFormat format() {
    return format;
  }

  /** The bytes for {@code values}, given in column order; null when there is nothing to write. */
  public byte[] serialize(Object[] values) {
    checkWidth(values);
    return layout.write(values, identity);
  }

  /** The column values, in column order, that {@code bytes} hold; null bytes give all nulls. */
  public Object[] deserialize(byte[] bytes) {
    Object[] values = new Object[columns.size()];
    layout.read(bytes, values, identity);
    return values;
  }

  /** The bytes for the columns found at {@code positions} of {@code row}. */
  public byte[] serialize(Object[] row, int[] positions) {
    return layout.write(row, positions);
  }

  /** Reads {@code bytes} into {@code row}, column {@code i} going to {@code row[positions[i]]}. */
  public void deserializeInto(byte[] bytes, Object[] row, int[] positions) {
    layout.read(bytes, row, positions);
  }

  /** Column {@code index} alone, parsing no more of {@code bytes} than needed to find it. */
  public Object deserializeColumn(byte[] bytes, int index) {
    return layout.readColumn(bytes, index);
  }

  private void checkWidth(Object[] values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "expected " + columns.size() + " values for " + columns.size() + " columns, got " + values.length);
    }
  }
}

package io.sluice.runtime.serde;

/**
 * One way of laying a fixed list of columns out in a key or a value. Rows are addressed through
 * {@code positions}: column {@code i} of the format lives at {@code row[positions[i]]}.
 */
interface ColumnsFormat {

  /** The bytes of the columns, or null when the format writes nothing (no columns, or a bare null). */
  byte[] write(Object[] row, int[] positions);

  /** Sets every column of the format in {@code row} from {@code bytes}; null bytes give null columns. */
  void read(byte[] bytes, Object[] row, int[] positions);

  /** Column {@code index} alone, reading no more of {@code bytes} than it must. */
  Object readColumn(byte[] bytes, int index);
}

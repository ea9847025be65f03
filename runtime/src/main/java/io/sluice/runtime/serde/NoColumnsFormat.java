package io.sluice.runtime.serde;

/** The layout of a key or value with no columns: the bytes are ignored on read and null on write. */
final class NoColumnsFormat implements ColumnsFormat {

  @Override
  public byte[] write(Object[] row, int[] positions) {
    return null;
  }

  @Override
  public void read(byte[] bytes, Object[] row, int[] positions) {}

  @Override
  public Object readColumn(byte[] bytes, int index) {
    throw new IndexOutOfBoundsException("no columns");
  }
}

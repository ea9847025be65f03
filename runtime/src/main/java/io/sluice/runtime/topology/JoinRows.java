package io.sluice.runtime.topology;

/** Builds a join's rows: the left row's columns, then the right row's, a missing side's columns null. */
final class JoinRows {

  private final int leftWidth;
  private final int rightWidth;

  JoinRows(int leftWidth, int rightWidth) {
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
  }

  /** The joined row of {@code left} and {@code right}, either of which may be null (not both). */
  Object[] join(Object[] left, Object[] right) {
    Object[] row = new Object[leftWidth + rightWidth];
    if (left != null) {
      System.arraycopy(left, 0, row, 0, leftWidth);
    }
    if (right != null) {
      System.arraycopy(right, 0, row, leftWidth, rightWidth);
    }
    return row;
  }
}

package io.sluice.plan.node;

/** Which unmatched rows a join keeps: none, the left side's, the right side's, or both. */
public enum JoinType {
  INNER,
  LEFT,
  RIGHT,
  FULL;

  /** True if unmatched rows of the left side are emitted, with nulls for the right. */
  public boolean keepsLeft() {
    return this == LEFT || this == FULL;
  }

  /** True if unmatched rows of the right side are emitted, with nulls for the left. */
  public boolean keepsRight() {
    return this == RIGHT || this == FULL;
  }
}

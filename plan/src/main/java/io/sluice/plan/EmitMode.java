package io.sluice.plan;

/** When an aggregation writes its results. */
public enum EmitMode {
  /** Every update of a group's result is written as it happens. */
  CHANGES,
  /** Each window's result is written once, when the window closes (its end plus grace has passed). */
  FINAL
}

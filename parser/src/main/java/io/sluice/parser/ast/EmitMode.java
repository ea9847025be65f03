package io.sluice.parser.ast;

/** How a query publishes its results: the refinement named by its {@code EMIT} clause. */
public enum EmitMode {
  /** No {@code EMIT} clause was written. */
  NONE,
  /** {@code EMIT CHANGES}: every update to a result is published. */
  CHANGES,
  /** {@code EMIT FINAL}: a windowed result is published once, when its window closes. */
  FINAL
}

package io.sluice.runtime.aggregate;

/** The base of functions that cannot take a row back out, so aggregate streams only (MIN, MAX, TOPK, ...). */
abstract class StreamOnlyAccumulator implements Accumulator {

  @Override
  public final void undo(Object value) {
    throw new IllegalStateException(getClass().getSimpleName() + " cannot undo a row; tables are refused at build time");
  }
}

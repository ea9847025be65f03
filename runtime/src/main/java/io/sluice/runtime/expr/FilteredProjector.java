package io.sluice.runtime.expr;

/**
 * A filter and the projection after it, compiled into one class, so that a call both compute
 * (Nexmark q21's REGEXP_EXTRACT in WHERE and in SELECT) runs once per row: {@link #test} leaves
 * the calls it computed in a scratch array that {@link #apply} reads. Implementations are generated
 * and thread-safe; the scratch array belongs to one row.
 */
public interface FilteredProjector {

  /** What a scratch slot holds until the condition computes its call (a computed value may be null). */
  Object UNSET = new Object();

  /** A scratch array for one row, to pass to {@link #test} and then {@link #apply}. */
  Object[] scratch();

  /** True only if the condition is TRUE for {@code row}; FALSE and NULL both give false. */
  boolean test(Object[] row, Object[] scratch);

  /**
   * The projected row of a row that passed {@link #test} with the same scratch array. Throws
   * {@link EvaluationException} naming the column whose expression failed.
   */
  Object[] apply(Object[] row, Object[] scratch);
}

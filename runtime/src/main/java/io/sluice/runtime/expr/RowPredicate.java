package io.sluice.runtime.expr;

/** A compiled boolean expression over a row; implementations are generated and thread-safe. */
public interface RowPredicate {

  /** True only if the expression is TRUE for {@code row}; FALSE and NULL both give false. */
  boolean test(Object[] row);
}

package io.sluice.runtime.expr;

/** A compiled list of expressions over a row; implementations are generated and thread-safe. */
public interface RowProjector {

  /**
   * A new row holding each expression's value for {@code row}, converted to its output column's
   * type. Throws {@link EvaluationException} naming the column whose expression failed.
   */
  Object[] apply(Object[] row);
}

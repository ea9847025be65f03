package io.sluice.runtime.expr;

/** An expression failed on one row, such as a DECIMAL division by zero; the message says where and why. */
public class EvaluationException extends RuntimeException {

  public EvaluationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Wraps a failure of the expression computing {@code column}; called by generated code. */
  public static EvaluationException inColumn(String column, RuntimeException cause) {
    return new EvaluationException("column " + column + ": " + describe(cause), cause);
  }

  /** A failure as a processing log reason: its message, with the exception kind if that is unclear. */
  public static String describe(RuntimeException e) {
    if (e instanceof EvaluationException
        || e instanceof ArithmeticException
        || e instanceof IllegalArgumentException) {
      if (e.getMessage() != null) {
        return e.getMessage();
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}

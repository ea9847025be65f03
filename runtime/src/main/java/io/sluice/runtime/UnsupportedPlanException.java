package io.sluice.runtime;

/**
 * Thrown when a plan cannot be turned into a running query: a newer plan version, a type or format
 * combination the runtime does not support, or an expression it cannot compile. The message is
 * meant for the user who submitted the statement.
 */
public class UnsupportedPlanException extends RuntimeException {

  public UnsupportedPlanException(String message) {
    super(message);
  }

  public UnsupportedPlanException(String message, Throwable cause) {
    super(message, cause);
  }
}

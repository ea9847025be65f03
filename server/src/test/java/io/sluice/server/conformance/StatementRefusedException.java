package io.sluice.server.conformance;

/** A case's statement that the parser, a planner or the runtime refused, with the message and position a user sees. */
final class StatementRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  StatementRefusedException(String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.line = line;
    this.column = column;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }
}

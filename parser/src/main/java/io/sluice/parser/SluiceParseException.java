package io.sluice.parser;

/**
 * A statement that cannot be parsed, with a short human message and the 1-based line and
 * column of the fault, counted from the start of the whole input.
 */
public final class SluiceParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String statementText;

  public SluiceParseException(String message, int line, int column, String statementText) {
    super(message);
    this.line = line;
    this.column = column;
    this.statementText = statementText;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The text of the statement that failed, as far as it can be told apart from the others. */
  public String statementText() {
    return statementText;
  }
}

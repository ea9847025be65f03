package io.sluice.server.statement;

/** A statement the server refuses at execution (not in parsing or planning), with ksqlDB's error code. */
public class StatementException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int errorCode;

  public StatementException(String message) {
    this(message, io.sluice.server.entity.StatementErrorEntity.BAD_STATEMENT);
  }

  public StatementException(String message, int errorCode) {
    super(message);
    this.errorCode = errorCode;
  }

  public int errorCode() {
    return errorCode;
  }
}

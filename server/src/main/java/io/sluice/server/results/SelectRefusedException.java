package io.sluice.server.results;

import io.sluice.server.entity.StatementErrorEntity;

/** A SELECT statement the server will not run, with the ksqlDB statement error that says why. */
public final class SelectRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient StatementErrorEntity error;

  public SelectRefusedException(StatementErrorEntity error) {
    super(error.message());
    this.error = error;
  }

  public StatementErrorEntity error() {
    return error;
  }
}

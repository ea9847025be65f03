package io.sluice.server.jdbc;

import io.sluice.server.entity.StatementErrorEntity;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * Errors as the JDBC client receives them: {@link AvaticaRuntimeException}s, which Avatica's
 * handlers send with their message, code and SQL state, and the driver throws as SQLExceptions.
 * A refused statement keeps ksqlDB's error code and says where its fault is.
 */
final class JdbcErrors {

  /** SQL state of a statement the server refuses (syntax error or access rule violation). */
  static final String BAD_STATEMENT_STATE = "42000";
  static final String SERVER_ERROR_STATE = "58000";

  private JdbcErrors() {}

  /** A statement the server will not run. */
  static AvaticaRuntimeException refused(String message) {
    return error(message, BAD_STATEMENT_STATE, StatementErrorEntity.BAD_STATEMENT);
  }

  /** A failure on the server's side. */
  static AvaticaRuntimeException failed(String message) {
    return error(message, SERVER_ERROR_STATE, StatementErrorEntity.SERVER_ERROR);
  }

  static AvaticaRuntimeException error(StatementErrorEntity error) {
    return error.errorCode() >= StatementErrorEntity.SERVER_ERROR
        ? error(error.message(), SERVER_ERROR_STATE, error.errorCode())
        : badStatement(error.message(), error.line(), error.column(), error.errorCode());
  }

  static AvaticaRuntimeException badStatement(String message, int line, int column) {
    return badStatement(message, line, column, StatementErrorEntity.BAD_STATEMENT);
  }

  static AvaticaRuntimeException badStatement(String message, int line, int column, int code) {
    String where = line > 0 && !message.contains("line " + line + ", column " + column)
        ? " (line " + line + ", column " + column + ")" : "";
    return error(message + where, BAD_STATEMENT_STATE, code);
  }

  static AvaticaRuntimeException error(String message, String sqlState, int code) {
    return new AvaticaRuntimeException(message, code, sqlState, AvaticaSeverity.ERROR);
  }
}

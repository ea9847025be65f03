package io.sluice.server.entity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * ksqlDB's error answer for a statement, with the 1-based line and column of the fault in the
 * submitted text, and the entities of the statements before it that did run.
 */
public record StatementErrorEntity(
    @JsonProperty("@type") String type, @JsonProperty("error_code") int errorCode, String message,
    String statementText, int line, int column, List<KsqlEntity> entities) {

  public static final int BAD_STATEMENT = 40001;
  public static final int UNKNOWN_SOURCE = 40002;
  public static final int SERVER_ERROR = 50000;

  public static StatementErrorEntity of(
      int code, String message, String statementText, int line, int column, List<KsqlEntity> entities) {
    return new StatementErrorEntity("statement_error", code, message, statementText, line, column, entities);
  }
}

package io.sluice.server.entity;

import java.util.List;

/** The outcome of a statement that changed the catalog or the running queries. */
public record CommandStatusEntity(
    String statementText, String commandId, CommandStatus commandStatus, long commandSequenceNumber,
    List<String> warnings) implements KsqlEntity {

  /** ksqlDB's command status: SUCCESS, with a message and the query id a statement started. */
  public record CommandStatus(String status, String message, String queryId) {}

  public static CommandStatusEntity success(
      String statementText, String commandId, String message, String queryId, long sequence) {
    return new CommandStatusEntity(statementText, commandId,
        new CommandStatus("SUCCESS", message, queryId), sequence, List.of());
  }
}

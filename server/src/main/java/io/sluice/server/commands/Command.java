package io.sluice.server.commands;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One accepted change to the catalog or the running queries, as the command log stores it.
 * Replaying every command in log order rebuilds the server's state.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "command")
@JsonSubTypes({
  @JsonSubTypes.Type(value = CreateSourceCommand.class, name = "createSource"),
  @JsonSubTypes.Type(value = CreateQueryCommand.class, name = "createQuery"),
  @JsonSubTypes.Type(value = DropSourceCommand.class, name = "dropSource"),
  @JsonSubTypes.Type(value = TerminateQueryCommand.class, name = "terminateQuery"),
  @JsonSubTypes.Type(value = CreateViewCommand.class, name = "createView"),
  @JsonSubTypes.Type(value = DropViewCommand.class, name = "dropView")
})
public sealed interface Command
    permits CreateSourceCommand, CreateQueryCommand, DropSourceCommand, TerminateQueryCommand, CreateViewCommand,
        DropViewCommand {

  /** The statement that produced this command, as submitted. */
  String statementText();
}

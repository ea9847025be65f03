package io.sluice.server.commands;

/** Stops a persistent query for good. */
public record TerminateQueryCommand(String statementText, String queryId) implements Command {}

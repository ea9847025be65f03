package io.sluice.server.commands;

/** Removes a stream or table from the catalog. Its topic is deleted at execution, never on replay. */
public record DropSourceCommand(String statementText, String name) implements Command {}

package io.sluice.server.commands;

/** Removes the view {@code name} from the catalog. */
public record DropViewCommand(String statementText, String name) implements Command {}

package io.sluice.server.commands;

import io.sluice.plan.SourceDescriptor;

/** Adds a stream or table to the catalog, replacing one of the same name if {@code replace}. */
public record CreateSourceCommand(String statementText, SourceDescriptor source, boolean replace) implements Command {}

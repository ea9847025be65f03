package io.sluice.server.commands;

import io.sluice.plan.RowSchema;
import java.util.List;

/**
 * Adds (or replaces) the view {@code name}, defined by {@code statementText}: its columns, and the
 * streams, tables and views it reads, which cannot be dropped while it stands.
 */
public record CreateViewCommand(String statementText, String name, RowSchema schema, List<String> reads)
    implements Command {}

package io.sluice.server.conformance;

/**
 * The refusal a case expects: part of the message and, when {@code line} is not null, the 1-based
 * line and column of the fault in the case's SQL.
 */
record ExpectedError(String fragment, Integer line, Integer column) {}

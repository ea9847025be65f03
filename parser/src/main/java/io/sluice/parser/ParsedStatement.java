package io.sluice.parser;

import org.apache.calcite.sql.SqlNode;

/**
 * One statement of a script: its AST and its original text, trimmed and ending with the
 * statement's semicolon (added when the input left it out).
 */
public record ParsedStatement(SqlNode node, String text) {}

package io.sluice.server.entity;

import java.util.List;

/** The answer to SHOW TABLES. */
public record TablesList(String statementText, List<SourceInfo> tables, List<String> warnings) implements KsqlEntity {}

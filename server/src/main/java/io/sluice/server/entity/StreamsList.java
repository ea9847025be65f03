package io.sluice.server.entity;

import java.util.List;

/** The answer to SHOW STREAMS. */
public record StreamsList(String statementText, List<SourceInfo> streams, List<String> warnings) implements KsqlEntity {}

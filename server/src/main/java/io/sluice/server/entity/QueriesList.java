package io.sluice.server.entity;

import java.util.List;

/** The answer to SHOW QUERIES. */
public record QueriesList(String statementText, List<RunningQuery> queries, List<String> warnings) implements KsqlEntity {}

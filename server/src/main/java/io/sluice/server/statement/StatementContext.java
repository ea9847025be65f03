package io.sluice.server.statement;

import io.sluice.server.engine.Engine;
import io.sluice.server.entity.RunningQuery;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a statement handler works with: the statement's text, its request's properties, the
 * engine, and this node's running push queries (which the engine does not hold).
 */
public record StatementContext(String text, Map<String, String> streamsProperties, Engine engine,
    Supplier<List<RunningQuery>> pushQueries) {}

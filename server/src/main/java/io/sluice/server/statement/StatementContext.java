package io.sluice.server.statement;

import io.sluice.server.engine.Engine;
import java.util.Map;

/** What a statement handler works with: the statement's text, its request's properties, and the engine. */
public record StatementContext(String text, Map<String, String> streamsProperties, Engine engine) {}

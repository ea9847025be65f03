package io.sluice.server.statement;

import io.sluice.parser.ast.SqlInsertSelect;
import io.sluice.planner.query.InsertSelectPlanner;
import io.sluice.planner.query.PlannedQuery;
import io.sluice.server.commands.CreateQueryCommand;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.CommandStatusEntity;
import io.sluice.server.entity.KsqlEntity;

/** Runs INSERT INTO stream SELECT ...: starts a persistent query writing an existing stream. */
final class InsertSelectHandler implements StatementHandler<SqlInsertSelect> {

  @Override
  public KsqlEntity execute(SqlInsertSelect statement, StatementContext context) {
    Engine engine = context.engine();
    String queryId = QueryIds.insert(engine.nextSequence());
    PlannedQuery query = new InsertSelectPlanner(engine.planningCatalog()).plan(statement, queryId);
    long sequence = engine.submit(new CreateQueryCommand(context.text(), null, query.plan(),
        query.sourcesRead(), query.sinkName(), context.streamsProperties(), query.logicalPlan()));
    return CommandStatusEntity.success(context.text(), "stream/`" + query.sinkName() + "`/insert",
        "Created query with ID " + queryId, queryId, sequence);
  }
}

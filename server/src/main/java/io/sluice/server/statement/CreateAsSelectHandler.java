package io.sluice.server.statement;

import io.sluice.parser.ast.SqlCreateAsSelect;
import io.sluice.plan.SourceDescriptor;
import io.sluice.planner.query.CreateAsSelectPlan;
import io.sluice.planner.query.CreateAsSelectPlanner;
import io.sluice.server.catalog.Catalog;
import io.sluice.server.commands.CreateQueryCommand;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.CommandStatusEntity;
import io.sluice.server.entity.KsqlEntity;
import java.util.Optional;

/** Runs CREATE STREAM ... AS SELECT: creates the output topic and starts the persistent query. */
final class CreateAsSelectHandler implements StatementHandler<SqlCreateAsSelect> {

  @Override
  public KsqlEntity execute(SqlCreateAsSelect statement, StatementContext context) {
    Engine engine = context.engine();
    String name = statement.name().getSimple();
    boolean table = statement.table();
    SourceNaming.refuseIfView(engine.catalog(), name, table);
    Optional<Catalog.Entry> existing = engine.catalog().entry(name);
    if (existing.isPresent()) {
      if (statement.ifNotExists()) {
        return CommandStatusEntity.success(context.text(), SourceNaming.commandId(table, name, "create"),
            SourceNaming.capitalized(existing.get().descriptor().isTable()) + " " + name + " already exists",
            null, engine.nextSequence());
      }
      if (statement.orReplace()) {
        throw new StatementException("CREATE OR REPLACE of a query's output is not supported yet: "
            + "terminate the queries writing " + name + ", drop it, and create it again");
      }
      throw new StatementException("Cannot add " + SourceNaming.kind(table) + " '" + name + "': A "
          + SourceNaming.kind(existing.get().descriptor()) + " with the same name already exists");
    }
    String queryId = QueryIds.createAsSelect(table, name, engine.nextSequence());
    CreateAsSelectPlan plan = new CreateAsSelectPlanner(engine.planningCatalog()).plan(statement, queryId);
    SourceDescriptor sink = plan.sink();
    String input = plan.query().sourcesRead().get(0);
    String inputTopic = engine.catalog().source(input).orElseThrow().topic();
    int inputPartitions = engine.topics().partitionCountIfExists(inputTopic).orElseThrow(() ->
        new StatementException("Topic '" + inputTopic + "' of " + input + " does not exist"));
    CreateQueryCommand command = new CreateQueryCommand(context.text(), sink, plan.query().plan(),
        plan.query().sourcesRead(), name, context.streamsProperties(), plan.query().logicalPlan());
    long sequence = engine.submit(command, () ->
        TopicPreparer.prepare(engine.topics(), sink.topic(), plan.partitions(), plan.replicas(), inputPartitions));
    return CommandStatusEntity.success(context.text(), SourceNaming.commandId(table, name, "create"),
        "Created query with ID " + queryId, queryId, sequence);
  }
}

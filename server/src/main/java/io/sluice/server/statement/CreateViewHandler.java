package io.sluice.server.statement;

import io.sluice.parser.ast.SqlCreateView;
import io.sluice.planner.query.CreateViewPlan;
import io.sluice.planner.query.CreateViewPlanner;
import io.sluice.server.commands.CreateViewCommand;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.CommandStatusEntity;
import io.sluice.server.entity.KsqlEntity;

/**
 * Runs CREATE [OR REPLACE] VIEW [IF NOT EXISTS] v AS query: checks that the query plans, then
 * records the view. Queries already running from an older definition keep the plan they started with.
 */
final class CreateViewHandler implements StatementHandler<SqlCreateView> {

  @Override
  public KsqlEntity execute(SqlCreateView statement, StatementContext context) {
    Engine engine = context.engine();
    String name = statement.name().getSimple();
    String commandId = "view/`" + name + "`/create";
    engine.catalog().source(name).ifPresent(source -> {
      throw new StatementException("Cannot add view '" + name + "': A " + SourceNaming.kind(source)
          + " with the same name already exists");
    });
    if (engine.catalog().viewEntry(name).isPresent() && !statement.orReplace()) {
      if (statement.ifNotExists()) {
        return CommandStatusEntity.success(context.text(), commandId, "View " + name + " already exists", null,
            engine.nextSequence());
      }
      throw new StatementException("Cannot add view '" + name + "': A view with the same name already exists");
    }
    CreateViewPlan plan = new CreateViewPlanner(engine.planningCatalog()).plan(statement, context.text());
    long sequence = engine.submit(new CreateViewCommand(context.text(), name, plan.schema(), plan.reads()));
    return CommandStatusEntity.success(context.text(), commandId, "View " + name + " created", null, sequence);
  }
}

package io.sluice.server.statement;

import io.sluice.parser.ast.SqlCreateSource;
import io.sluice.plan.SourceDescriptor;
import io.sluice.planner.ddl.CreateSourcePlan;
import io.sluice.planner.ddl.CreateSourcePlanner;
import io.sluice.server.catalog.Catalog;
import io.sluice.server.commands.CreateSourceCommand;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.CommandStatusEntity;
import io.sluice.server.entity.KsqlEntity;
import java.util.Optional;

/** Runs CREATE [OR REPLACE] STREAM|TABLE [IF NOT EXISTS] over a topic, creating the topic when asked to. */
final class CreateSourceHandler implements StatementHandler<SqlCreateSource> {

  @Override
  public KsqlEntity execute(SqlCreateSource statement, StatementContext context) {
    CreateSourcePlan plan = CreateSourcePlanner.plan(statement);
    SourceDescriptor source = plan.descriptor();
    Engine engine = context.engine();
    SourceNaming.refuseIfView(engine.catalog(), source.name(), source.isTable());
    Optional<Catalog.Entry> existing = engine.catalog().entry(source.name());
    boolean table = source.isTable();
    if (existing.isPresent()) {
      SourceDescriptor old = existing.get().descriptor();
      if (plan.ifNotExists()) {
        return CommandStatusEntity.success(context.text(), SourceNaming.commandId(table, source.name(), "create"),
            SourceNaming.capitalized(old.isTable()) + " " + source.name() + " already exists", null, engine.nextSequence());
      }
      if (!plan.orReplace()) {
        throw new StatementException("Cannot add " + SourceNaming.kind(table) + " '" + source.name()
            + "': A " + SourceNaming.kind(old) + " with the same name already exists");
      }
      if (old.isTable() != table) {
        throw new StatementException("Cannot replace " + SourceNaming.kind(old) + " " + source.name()
            + " with a " + SourceNaming.kind(table));
      }
      SourceNaming.refuseIfInUse(engine.queries(), source.name(), "replace");
    }
    long sequence = engine.submit(new CreateSourceCommand(context.text(), source, existing.isPresent()),
        () -> TopicPreparer.prepare(engine.topics(), source.topic(), plan.partitions(), plan.replicas(), null));
    return CommandStatusEntity.success(context.text(), SourceNaming.commandId(table, source.name(), "create"),
        SourceNaming.capitalized(table) + (existing.isPresent() ? " replaced" : " created"), null, sequence);
  }
}

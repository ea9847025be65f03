package io.sluice.server.statement;

import io.sluice.parser.ast.SqlDropView;
import io.sluice.server.commands.DropViewCommand;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.CommandStatusEntity;
import io.sluice.server.entity.KsqlEntity;
import io.sluice.server.entity.StatementErrorEntity;

/** Runs DROP VIEW [IF EXISTS] v, refusing while other views read v (running queries do not: they keep their plans). */
final class DropViewHandler implements StatementHandler<SqlDropView> {

  @Override
  public KsqlEntity execute(SqlDropView statement, StatementContext context) {
    Engine engine = context.engine();
    String name = statement.name().getSimple();
    String commandId = "view/`" + name + "`/drop";
    if (engine.catalog().viewEntry(name).isEmpty()) {
      if (statement.ifExists()) {
        return CommandStatusEntity.success(context.text(), commandId, "View " + name + " does not exist.", null,
            engine.nextSequence());
      }
      throw new StatementException("View " + name + " does not exist.", StatementErrorEntity.UNKNOWN_SOURCE);
    }
    SourceNaming.refuseIfViewsRead(engine.catalog(), name, "drop");
    long sequence = engine.submit(new DropViewCommand(context.text(), name));
    return CommandStatusEntity.success(context.text(), commandId, "View `" + name + "` was dropped.", null, sequence);
  }
}

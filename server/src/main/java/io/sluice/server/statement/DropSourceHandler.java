package io.sluice.server.statement;

import io.sluice.parser.ast.SqlDropSource;
import io.sluice.plan.SourceDescriptor;
import io.sluice.server.commands.DropSourceCommand;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.CommandStatusEntity;
import io.sluice.server.entity.KsqlEntity;
import io.sluice.server.entity.StatementErrorEntity;
import java.util.List;
import java.util.Locale;

/** Runs DROP STREAM|TABLE [IF EXISTS] x [DELETE TOPIC], refusing while queries use x. */
final class DropSourceHandler implements StatementHandler<SqlDropSource> {

  @Override
  public KsqlEntity execute(SqlDropSource statement, StatementContext context) {
    Engine engine = context.engine();
    String name = statement.name().getSimple();
    boolean table = statement.table();
    SourceDescriptor source = engine.catalog().source(name).orElse(null);
    if (source == null) {
      if (statement.ifExists()) {
        return CommandStatusEntity.success(context.text(), SourceNaming.commandId(table, name, "drop"),
            "Source " + name + " does not exist.", null, engine.nextSequence());
      }
      throw new StatementException("Source " + name + " does not exist.", StatementErrorEntity.UNKNOWN_SOURCE);
    }
    if (source.isTable() != table) {
      throw new StatementException(name + " is a " + SourceNaming.kind(source) + "; use DROP "
          + SourceNaming.kind(source).toUpperCase(Locale.ROOT));
    }
    SourceNaming.refuseIfInUse(engine.queries(), name, "drop");
    SourceNaming.refuseIfViewsRead(engine.catalog(), name, "drop");
    if (statement.deleteTopic()) {
      List<String> sharing = engine.catalog().sources().stream()
          .filter(other -> !other.name().equals(name) && other.topic().equals(source.topic()))
          .map(SourceDescriptor::name).sorted().toList();
      if (!sharing.isEmpty()) {
        throw new StatementException("Cannot delete topic '" + source.topic() + "': " + String.join(", ", sharing)
            + " also use it. Drop " + name + " without DELETE TOPIC");
      }
    }
    long sequence = engine.submit(new DropSourceCommand(context.text(), name));
    if (statement.deleteTopic() && engine.topics().exists(source.topic())) {
      engine.topics().delete(source.topic());
    }
    return CommandStatusEntity.success(context.text(), SourceNaming.commandId(table, name, "drop"),
        "Source `" + name + "` (topic: " + source.topic() + ") was dropped.", null, sequence);
  }
}

package io.sluice.server.statement;

import io.sluice.parser.ast.SqlTerminate;
import io.sluice.server.commands.TerminateQueryCommand;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.CommandStatusEntity;
import io.sluice.server.entity.KsqlEntity;
import io.sluice.server.entity.StatementErrorEntity;
import io.sluice.server.query.PersistentQuery;
import java.util.List;

/** Runs TERMINATE query_id and TERMINATE ALL. */
final class TerminateHandler implements StatementHandler<SqlTerminate> {

  @Override
  public KsqlEntity execute(SqlTerminate statement, StatementContext context) {
    Engine engine = context.engine();
    List<String> ids = statement.all()
        ? engine.queries().all().stream().map(PersistentQuery::id).toList()
        : List.of(statement.queryId().getSimple());
    long sequence = engine.nextSequence();
    for (String id : ids) {
      if (engine.queries().get(id).isEmpty()) {
        throw new StatementException("Unknown queryId: " + id, StatementErrorEntity.UNKNOWN_SOURCE);
      }
      sequence = engine.submit(new TerminateQueryCommand(context.text(), id));
    }
    String target = statement.all() ? "ALL" : ids.get(0);
    return CommandStatusEntity.success(context.text(), "terminate/" + target + "/execute",
        "Query terminated.", null, sequence);
  }
}

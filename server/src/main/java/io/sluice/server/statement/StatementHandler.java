package io.sluice.server.statement;

import io.sluice.server.entity.KsqlEntity;
import org.apache.calcite.sql.SqlNode;

/** Executes one kind of statement; one small class per kind. */
@FunctionalInterface
public interface StatementHandler<T extends SqlNode> {

  /** Runs the statement, returning its answer, or null when it has none (as INSERT VALUES). */
  KsqlEntity execute(T statement, StatementContext context);
}

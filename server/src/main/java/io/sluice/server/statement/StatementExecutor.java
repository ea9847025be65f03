package io.sluice.server.statement;

import io.sluice.parser.ParsedStatement;
import io.sluice.parser.SluiceParseException;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.SqlCreateAsSelect;
import io.sluice.parser.ast.SqlCreateSource;
import io.sluice.parser.ast.SqlCreateView;
import io.sluice.parser.ast.SqlDescribeSource;
import io.sluice.parser.ast.SqlDropSource;
import io.sluice.parser.ast.SqlDropView;
import io.sluice.parser.ast.SqlExplainStatement;
import io.sluice.parser.ast.SqlInsertSelect;
import io.sluice.parser.ast.SqlInsertValues;
import io.sluice.parser.ast.SqlPrint;
import io.sluice.parser.ast.SqlQueryStatement;
import io.sluice.parser.ast.SqlShow;
import io.sluice.parser.ast.SqlTerminate;
import io.sluice.planner.PlanningException;
import io.sluice.runtime.UnsupportedPlanException;
import org.apache.kafka.common.config.ConfigException;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.KsqlEntity;
import io.sluice.server.entity.RunningQuery;
import io.sluice.server.entity.StatementErrorEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the statements of one {@code POST /ksql} request in order, one request at a time.
 *
 * <p>As in ksqlDB, statements before a failing one stay applied: the error answer lists their
 * entities, and nothing of the failing statement or the ones after it runs.
 */
public final class StatementExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(StatementExecutor.class);

  private final Engine engine;
  private final Supplier<List<RunningQuery>> pushQueries;
  private final Map<Class<? extends SqlNode>, StatementHandler<? extends SqlNode>> handlers = new LinkedHashMap<>();

  /** @param pushQueries this node's running push queries, for SHOW QUERIES */
  public StatementExecutor(Engine engine, InsertValuesHandler insertValues, Supplier<List<RunningQuery>> pushQueries) {
    this.engine = engine;
    this.pushQueries = pushQueries;
    handlers.put(SqlCreateSource.class, new CreateSourceHandler());
    handlers.put(SqlCreateAsSelect.class, new CreateAsSelectHandler());
    handlers.put(SqlInsertSelect.class, new InsertSelectHandler());
    handlers.put(SqlInsertValues.class, insertValues);
    handlers.put(SqlDropSource.class, new DropSourceHandler());
    handlers.put(SqlCreateView.class, new CreateViewHandler());
    handlers.put(SqlDropView.class, new DropViewHandler());
    handlers.put(SqlTerminate.class, new TerminateHandler());
    handlers.put(SqlShow.class, new ShowHandler());
    handlers.put(SqlDescribeSource.class, new DescribeHandler());
    handlers.put(SqlExplainStatement.class, new ExplainHandler());
  }

  /** The answer to a request: the entities of its statements, or the error and the entities before it. */
  public sealed interface Outcome permits Success, Failure {}

  /** Every statement ran. */
  public record Success(List<KsqlEntity> entities) implements Outcome {}

  /** A statement failed; {@code error} carries the entities of the statements before it. */
  public record Failure(StatementErrorEntity error) implements Outcome {}

  public synchronized Outcome execute(String sql, Map<String, String> streamsProperties) {
    List<ParsedStatement> statements;
    try {
      statements = SluiceParser.parse(sql);
    } catch (SluiceParseException e) {
      return new Failure(StatementErrorEntity.of(StatementErrorEntity.BAD_STATEMENT, e.getMessage(),
          e.statementText(), e.line(), e.column(), List.of()));
    }
    try {
      // Another node may have changed the catalog since this node last looked.
      engine.catchUp();
    } catch (RuntimeException e) {
      LOG.error("Cannot catch up with the command log", e);
      return new Failure(StatementErrorEntity.of(StatementErrorEntity.SERVER_ERROR,
          "Cannot read the command log: " + e.getMessage(), sql, 0, 0, List.of()));
    }
    List<KsqlEntity> entities = new ArrayList<>();
    for (ParsedStatement statement : statements) {
      SqlNode node = statement.node();
      StatementContext context = new StatementContext(statement.text(), streamsProperties, engine, pushQueries);
      try {
        KsqlEntity entity = run(node, context);
        if (entity != null) {
          entities.add(entity);
        }
      } catch (PlanningException e) {
        return failure(StatementErrorEntity.BAD_STATEMENT, e.getMessage(), statement, e.line(), e.column(), entities);
      } catch (UnsupportedPlanException | ConfigException e) {
        return failure(StatementErrorEntity.BAD_STATEMENT, e.getMessage(), statement, 0, 0, entities);
      } catch (StatementException e) {
        return failure(e.errorCode(), e.getMessage(), statement, 0, 0, entities);
      } catch (RuntimeException e) {
        LOG.error("Statement failed: {}", statement.text(), e);
        return failure(StatementErrorEntity.SERVER_ERROR, "Could not run the statement: " + e,
            statement, 0, 0, entities);
      }
    }
    return new Success(entities);
  }

  @SuppressWarnings("unchecked")
  private KsqlEntity run(SqlNode node, StatementContext context) {
    if (node instanceof SqlPrint || node instanceof SqlQueryStatement) {
      throw new StatementException("The following statement types should be issued to the streaming endpoint "
          + "'/query': PRINT, SELECT");
    }
    StatementHandler<SqlNode> handler = (StatementHandler<SqlNode>) handlers.get(node.getClass());
    if (handler == null) {
      throw new StatementException("Statement " + node.getKind() + " is not supported yet");
    }
    return handler.execute(node, context);
  }

  private static Failure failure(
      int code, String message, ParsedStatement statement, int line, int column, List<KsqlEntity> before) {
    int atLine = line > 0 ? line : statement.node().getParserPosition().getLineNum();
    int atColumn = line > 0 ? column : statement.node().getParserPosition().getColumnNum();
    return new Failure(StatementErrorEntity.of(code, message, statement.text(), atLine, atColumn, List.copyOf(before)));
  }
}

package io.sluice.server.jdbc;

import io.sluice.parser.ParsedStatement;
import io.sluice.parser.SluiceParseException;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.SqlInsertValues;
import io.sluice.parser.ast.SqlPrint;
import io.sluice.parser.ast.SqlQueryStatement;
import io.sluice.server.SluiceVersion;
import io.sluice.server.catalog.Catalog;
import io.sluice.server.entity.KsqlEntity;
import io.sluice.server.entity.StatementErrorEntity;
import io.sluice.server.results.QueryResults;
import io.sluice.server.results.SelectRefusedException;
import io.sluice.server.results.SelectRunner;
import io.sluice.server.results.SelectStatements;
import io.sluice.server.statement.StatementExecutor;
import java.sql.Connection;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Sluice behind Avatica's {@code Meta}: what a JDBC connection asks the server, answered from the
 * catalog (metadata), the statement executor (DDL and other statements, as {@code POST /ksql}) and
 * the {@link SelectRunner} (pull and push queries, whose rows go out frame by frame).
 *
 * <p>Connections and statements live in memory until the client closes them. Errors reach the
 * client as described in {@link JdbcErrors}.
 */
public final class SluiceMeta extends MetaImpl {

  static final int DEFAULT_FRAME_ROWS = 1000;
  /** The offset of a fetch that stops the results instead; the driver's {@code SluiceDriver.STOP_OFFSET}. */
  static final long STOP_OFFSET = -1;

  private final StatementExecutor executor;
  private final SelectRunner selects;
  private final Duration fetchWait;
  private final CatalogMetadata metadata;
  private final OpenConnections connections = new OpenConnections();
  /** Ids of the statements behind metadata result sets, negative so they never meet a real one. */
  private final AtomicInteger metadataIds = new AtomicInteger();

  public SluiceMeta(Catalog catalog, StatementExecutor executor, SelectRunner selects, Duration fetchWait) {
    super(null);
    this.executor = executor;
    this.selects = selects;
    this.fetchWait = fetchWait;
    this.metadata = new CatalogMetadata(catalog);
  }

  // Connections and statements.

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    connections.open(ch.id, info);
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    connections.close(ch.id);
  }

  /** Closes every connection, ending their queries; for server shutdown. */
  public void closeAll() {
    connections.closeAll();
  }

  /**
   * Ends the results no client has read for {@code idle}: a JDBC client that went away without
   * closing its statement says nothing over HTTP, and its push query would otherwise run forever.
   *
   * @return how many results were ended
   */
  public int closeUnread(Duration idle) {
    return connections.closeUnread(idle);
  }

  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties properties) {
    connections.properties(ch.id);
    return connProps.merge(properties);
  }

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    return open(ch, null).handle();
  }

  private OpenStatement open(ConnectionHandle ch, Signature signature) {
    return connections.newStatement(ch.id, signature);
  }

  @Override
  public void closeStatement(StatementHandle h) {
    connections.closeStatement(h);
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    List<AvaticaParameter> parameters = new ArrayList<>();
    for (int i = 1; i <= ParameterBinder.count(sql); i++) {
      parameters.add(new AvaticaParameter(false, 0, 0, Types.OTHER, "ANY", Object.class.getName(), "?" + i));
    }
    Signature signature = new Signature(
        List.of(), sql, parameters, Map.of(), CursorFactory.LIST, statementType(sql));
    return open(ch, signature).handle();
  }

  private static StatementType statementType(String sql) {
    String first = sql.stripLeading().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    return switch (first) {
      case "SELECT" -> StatementType.SELECT;
      case "INSERT" -> StatementType.INSERT;
      default -> StatementType.OTHER_DDL;
    };
  }

  // Execution.

  @Deprecated
  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
      throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
      PrepareCallback callback) throws NoSuchStatementException {
    return run(statement(h), sql, List.of(), maxRowCount, maxRowsInFirstFrame);
  }

  @Deprecated
  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
      throws NoSuchStatementException {
    return execute(h, parameterValues, (int) Math.min(Integer.MAX_VALUE, maxRowCount));
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    OpenStatement statement = statement(h);
    Signature prepared = statement.handle().signature;
    if (prepared == null) {
      throw JdbcErrors.refused("The statement was not prepared");
    }
    String sql;
    try {
      sql = ParameterBinder.bind(prepared.sql, parameterValues);
    } catch (IllegalArgumentException e) {
      throw JdbcErrors.refused(e.getMessage());
    }
    return run(statement, sql, prepared.parameters, -1, maxRowsInFirstFrame);
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    OpenStatement statement = statement(h);
    long[] counts = new long[sqlCommands.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = update(statement, sqlCommands.get(i));
    }
    return new ExecuteBatchResult(counts);
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
      throws NoSuchStatementException {
    OpenStatement statement = statement(h);
    Signature prepared = statement.handle().signature;
    long[] counts = new long[parameterValues.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = update(statement, ParameterBinder.bind(prepared.sql, parameterValues.get(i)));
    }
    return new ExecuteBatchResult(counts);
  }

  private long update(OpenStatement statement, String sql) {
    MetaResultSet result = run(statement, sql, List.of(), -1, -1).resultSets.get(0);
    if (result.updateCount < 0) {
      statement.closeResults();
      throw JdbcErrors.refused("A batch cannot run a SELECT");
    }
    return result.updateCount;
  }

  /** Runs {@code sql}: a SELECT through the runner, anything else through the statement executor. */
  private ExecuteResult run(OpenStatement statement, String sql, List<AvaticaParameter> parameters,
      long maxRowCount, int maxRowsInFirstFrame) {
    statement.closeResults();
    if (SelectStatements.startsWithSelect(sql)) {
      return select(statement, sql, parameters, maxRowCount, maxRowsInFirstFrame);
    }
    List<ParsedStatement> parsed;
    try {
      parsed = SluiceParser.parse(sql);
    } catch (SluiceParseException e) {
      throw JdbcErrors.badStatement(e.getMessage(), e.line(), e.column());
    }
    StatementHandle h = statement.handle();
    for (ParsedStatement p : parsed) {
      if (p.node() instanceof SqlPrint || p.node() instanceof SqlQueryStatement) {
        throw JdbcErrors.badStatement(p.node() instanceof SqlPrint
            ? "PRINT is not supported over JDBC; use POST /query"
            : "A SELECT must be the only statement of a JDBC execution",
            p.node().getParserPosition().getLineNum(), p.node().getParserPosition().getColumnNum());
      }
    }
    StatementExecutor.Outcome outcome = executor.execute(sql, connections.properties(h.connectionId));
    if (outcome instanceof StatementExecutor.Failure failure) {
      throw JdbcErrors.error(failure.error());
    }
    List<KsqlEntity> entities = ((StatementExecutor.Success) outcome).entities();
    if (parsed.size() == 1 && entities.size() == 1 && EntityRows.answersWithRows(parsed.get(0).node())) {
      return new ExecuteResult(List.of(EntityRows.of(entities.get(0)).resultSet(h, parsed.get(0).text())));
    }
    long inserted = parsed.stream().filter(p -> p.node() instanceof SqlInsertValues).count();
    return new ExecuteResult(List.of(MetaResultSet.count(h.connectionId, h.id, inserted)));
  }

  /** Runs a SELECT, which the runner parses only if it must; a push query's results are not complete at once. */
  private ExecuteResult select(OpenStatement statement, String sql, List<AvaticaParameter> parameters,
      long maxRowCount, int maxRowsInFirstFrame) {
    StatementHandle h = statement.handle();
    QueryResults results;
    try {
      results = selects.run(sql, connections.properties(h.connectionId));
    } catch (SelectRefusedException e) {
      throw JdbcErrors.error(e.error());
    }
    boolean push = !results.complete();
    statement.open(results, push, maxRowCount);
    List<ColumnMetaData> columns = new ArrayList<>();
    for (int i = 0; i < results.schema().size(); i++) {
      columns.add(JdbcTypes.column(i, results.schema().column(i)));
    }
    Signature signature = new Signature(columns, sql.strip(), parameters, Map.of(), CursorFactory.LIST,
        StatementType.SELECT);
    // A push query answers at once with the rows already there, so that executeQuery returns and
    // next() is where the client waits.
    Frame first = frame(statement, 0, maxRowsInFirstFrame, push ? Duration.ZERO : fetchWait);
    return new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, false, signature, first)));
  }

  /**
   * The next frame of a statement's results. A fetch at offset {@value #STOP_OFFSET} is the Sluice
   * driver's way to stop the results (on cancel, or when a result set is closed before its end),
   * which Avatica's protocol has no message for; the statement stays open.
   */
  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    OpenStatement statement = statement(h);
    if (offset == STOP_OFFSET) {
      statement.closeResults();
      return new Frame(0, true, List.of());
    }
    if (!statement.hasResults()) {
      throw new MissingResultsException(h);
    }
    return frame(statement, offset, fetchMaxRowCount, fetchWait);
  }

  private Frame frame(OpenStatement statement, long offset, int maxRows, Duration wait) {
    try {
      return statement.nextFrame(offset, maxRows > 0 ? maxRows : DEFAULT_FRAME_ROWS, wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      statement.closeResults();
      throw JdbcErrors.failed("The server is stopping");
    } catch (OpenStatement.QueryFailedException e) {
      throw JdbcErrors.failed(e.getMessage());
    }
  }

  @Override
  public boolean syncResults(StatementHandle h, QueryState state, long offset) throws NoSuchStatementException {
    // Results cannot be re-created at an offset: a statement whose results are gone has no more rows.
    statement(h);
    return false;
  }

  @Override
  public void commit(ConnectionHandle ch) {
    // Every statement is applied when it runs (auto-commit); there is nothing to commit.
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    throw JdbcErrors.error("Sluice has no transactions: every statement is applied when it runs", "0A000",
        StatementErrorEntity.BAD_STATEMENT);
  }

  // Metadata.

  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    Map<DatabaseProperty, Object> properties = new EnumMap<>(DatabaseProperty.class);
    properties.put(DatabaseProperty.GET_DATABASE_PRODUCT_NAME, "Sluice");
    properties.put(DatabaseProperty.GET_DATABASE_PRODUCT_VERSION, SluiceVersion.current());
    properties.put(DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION, Connection.TRANSACTION_NONE);
    return properties;
  }

  @Override
  public MetaResultSet getTables(ConnectionHandle ch, String catalogName, Pat schemaPattern, Pat tableNamePattern,
      List<String> typeList) {
    return rows(MetaTable.class, metadata.tables(catalogName, schemaPattern, tableNamePattern, typeList));
  }

  @Override
  public MetaResultSet getColumns(ConnectionHandle ch, String catalogName, Pat schemaPattern, Pat tableNamePattern,
      Pat columnNamePattern) {
    return rows(MetaColumn.class, metadata.columns(catalogName, schemaPattern, tableNamePattern, columnNamePattern));
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return rows(MetaTypeInfo.class, CatalogMetadata.typeInfo());
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return rows(MetaTableType.class, CatalogMetadata.tableTypes());
  }

  private MetaResultSet rows(Class<?> rowClass, List<Object> rows) {
    List<ColumnMetaData> columns = fieldMetaData(rowClass).columns;
    List<Object> arrays = CatalogMetadata.arrays(rowClass, rows);
    return createResultSet(Map.of(), columns, CursorFactory.ARRAY, new Frame(0, true, arrays));
  }

  /** A finished result set that no server-side statement stands behind (metadata). */
  @Override
  protected MetaResultSet createResultSet(Map<String, Object> internalParameters, List<ColumnMetaData> columns,
      CursorFactory cursorFactory, Frame firstFrame) {
    Signature signature = new Signature(columns, "", List.of(), internalParameters, cursorFactory, StatementType.SELECT);
    return MetaResultSet.create("", -metadataIds.incrementAndGet(), true, signature, firstFrame);
  }

  private OpenStatement statement(StatementHandle h) throws NoSuchStatementException {
    return connections.statement(h);
  }
}

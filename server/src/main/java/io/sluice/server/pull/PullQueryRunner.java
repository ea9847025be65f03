package io.sluice.server.pull;

import io.sluice.parser.ParsedStatement;
import io.sluice.parser.SluiceParseException;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.EmitMode;
import io.sluice.parser.ast.SqlQueryStatement;
import io.sluice.plan.pull.PullQueryPlan;
import io.sluice.planner.PlanningException;
import io.sluice.planner.pull.PullQueryPlanner;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.pull.PullQueryReader;
import io.sluice.runtime.pull.StoreUnavailableException;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.StatementErrorEntity;
import io.sluice.server.query.Materialization;
import io.sluice.server.results.QueryResults;
import io.sluice.server.results.SelectRefusedException;
import io.sluice.server.results.SelectRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs pull queries ({@code SELECT} without EMIT) on tables kept by running aggregations: plans
 * the query, reads the table's state store through interactive queries, and returns the rows as
 * finite results. Planned and compiled queries are kept by statement text, so a repeated query
 * (the usual key lookup with another key is a new text) costs only the store reads.
 *
 * <p>Request properties: {@code query.pull.table.scan.enabled} (also spelled
 * {@code ksql.query.pull.table.scan.enabled}) overrides the server's setting for one query.
 */
public final class PullQueryRunner implements SelectRunner {

  /** The request property that allows or refuses table scans for one query. */
  public static final String TABLE_SCAN_PROPERTY = SluiceConfig.PULL_TABLE_SCAN_ENABLED;
  private static final String KSQL_TABLE_SCAN_PROPERTY = "ksql." + SluiceConfig.PULL_TABLE_SCAN_ENABLED;
  private static final int CACHED_QUERIES = 1000;

  private final Engine engine;
  private final boolean tableScansEnabled;
  private final AtomicLong nextId = new AtomicLong(1);
  private final Map<CacheKey, Compiled> compiled = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<CacheKey, Compiled> eldest) {
      return size() > CACHED_QUERIES;
    }
  };

  public PullQueryRunner(Engine engine, SluiceConfig config) {
    this.engine = engine;
    this.tableScansEnabled = config.pullTableScanEnabled();
  }

  @Override
  public QueryResults run(String sql, Map<String, String> properties) {
    ParsedStatement statement = parse(sql);
    boolean scans = tableScans(properties, statement);
    CacheKey key = new CacheKey(statement.text(), scans);
    Compiled query = cached(key);
    Materialization table = query == null ? null : current(query);
    if (table == null) {
      PullQueryPlan plan = plan(statement, scans);
      table = materialization(plan, statement);
      query = compile(plan, table, statement);
      synchronized (compiled) {
        compiled.put(key, query);
      }
    }
    List<Object[]> rows;
    try {
      rows = query.reader().read(table.streams(), table.storeName());
    } catch (StoreUnavailableException | UnsupportedPlanException e) {
      throw refused("Table " + query.plan().sourceName() + " cannot answer pull queries now: " + e.getMessage(),
          statement, 0, 0);
    }
    return new PullQueryResults("query_" + System.currentTimeMillis() + "_" + nextId.getAndIncrement(),
        query.plan().schema(), rows);
  }

  /** The table a cached query was compiled for, if the same query still keeps it. */
  private Materialization current(Compiled query) {
    return engine.queries().materialization(query.plan().sourceName())
        .filter(m -> m.queryId().equals(query.tableQueryId())).orElse(null);
  }

  private Compiled cached(CacheKey key) {
    synchronized (compiled) {
      return compiled.get(key);
    }
  }

  private static ParsedStatement parse(String sql) {
    List<ParsedStatement> statements;
    try {
      statements = SluiceParser.parse(sql);
    } catch (SluiceParseException e) {
      throw new SelectRefusedException(StatementErrorEntity.of(StatementErrorEntity.BAD_STATEMENT, e.getMessage(),
          e.statementText(), e.line(), e.column(), List.of()));
    }
    if (statements.size() != 1) {
      throw new SelectRefusedException(StatementErrorEntity.of(StatementErrorEntity.BAD_STATEMENT,
          "A pull query is exactly one statement, not " + statements.size(), sql, 1, 1, List.of()));
    }
    ParsedStatement statement = statements.get(0);
    if (!(statement.node() instanceof SqlQueryStatement query) || query.emit() != EmitMode.NONE) {
      throw refused("Not a pull query: a pull query is SELECT ... FROM ... [WHERE ...] [LIMIT n] without EMIT",
          statement, 0, 0);
    }
    return statement;
  }

  private boolean tableScans(Map<String, String> properties, ParsedStatement statement) {
    String value = properties.getOrDefault(TABLE_SCAN_PROPERTY, properties.get(KSQL_TABLE_SCAN_PROPERTY));
    if (value == null) {
      return tableScansEnabled;
    }
    if (!value.trim().equalsIgnoreCase("true") && !value.trim().equalsIgnoreCase("false")) {
      throw refused("Property " + TABLE_SCAN_PROPERTY + " must be true or false, not '" + value + "'", statement, 0, 0);
    }
    return Boolean.parseBoolean(value.trim());
  }

  private PullQueryPlan plan(ParsedStatement statement, boolean scans) {
    SqlQueryStatement query = (SqlQueryStatement) statement.node();
    try {
      return new PullQueryPlanner(engine.catalog().snapshot(), scans).plan(query.query());
    } catch (PlanningException e) {
      throw refused(e.getMessage(), statement, e.line(), e.column());
    }
  }

  private Materialization materialization(PullQueryPlan plan, ParsedStatement statement) {
    String name = plan.sourceName();
    if (!plan.sourceType().equals(io.sluice.plan.SourceType.TABLE)) {
      throw refused("Pull queries on streams are not supported yet: " + name + " is a stream", statement, 0, 0);
    }
    Optional<Materialization> table = engine.queries().materialization(name);
    if (table.isPresent()) {
      return table.get();
    }
    if (engine.queries().writersOf(name).isEmpty()) {
      throw refused("Pull queries on source tables are not supported yet: " + name + " is read from its topic. "
          + "Query a table created by CREATE TABLE ... AS SELECT ... GROUP BY", statement, 0, 0);
    }
    throw refused("Table " + name + " cannot answer pull queries: the query that creates it is not running",
        statement, 0, 0);
  }

  private static Compiled compile(PullQueryPlan plan, Materialization table, ParsedStatement statement) {
    try {
      return new Compiled(plan, new PullQueryReader(table.plan(), plan), table.queryId());
    } catch (UnsupportedPlanException e) {
      throw refused(e.getMessage(), statement, 0, 0);
    }
  }

  private static SelectRefusedException refused(String message, ParsedStatement statement, int line, int column) {
    int atLine = line > 0 ? line : statement.node().getParserPosition().getLineNum();
    int atColumn = line > 0 ? column : statement.node().getParserPosition().getColumnNum();
    return new SelectRefusedException(StatementErrorEntity.of(StatementErrorEntity.BAD_STATEMENT, message,
        statement.text(), atLine, atColumn, List.of()));
  }

  private record CacheKey(String text, boolean tableScans) {}

  /** A pull query planned and compiled against the query that keeps its table. */
  private record Compiled(PullQueryPlan plan, PullQueryReader reader, String tableQueryId) {}
}

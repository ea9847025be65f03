package io.sluice.server.pull;

import io.sluice.parser.ParsedStatement;
import io.sluice.parser.ast.EmitMode;
import io.sluice.parser.ast.SqlQueryStatement;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.SourceType;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.pull.PullQueryPlan;
import io.sluice.planner.PlanningException;
import io.sluice.planner.pull.PullQueryPlanner;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.pull.PullQueryReader;
import io.sluice.runtime.pull.SourceTableTopology;
import io.sluice.runtime.pull.StoreUnavailableException;
import io.sluice.runtime.pull.StreamScanner;
import io.sluice.server.ServerContext;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.StatementErrorEntity;
import io.sluice.server.query.Materialization;
import io.sluice.server.results.QueryResults;
import io.sluice.server.results.SelectRefusedException;
import io.sluice.server.results.SelectRunner;
import io.sluice.server.results.SelectStatements;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs pull queries ({@code SELECT} without EMIT) on tables: plans the query, reads the table's
 * state store through interactive queries, and returns the rows as finite results. A table
 * created by an aggregation is read from its query's store; any other table (a source table, or
 * one a join or a projection writes) from a materialization of its topic started by its first
 * pull query ({@link SourceTableMaterializations}).
 *
 * <p>Planned and compiled queries are kept by statement text, and key lookups also by their shape
 * ({@link QueryShape}, {@link KeyLookupTemplate}), so a repeated query, or a key lookup that
 * differs only in its keys, costs only parsing and the store reads; a key lookup whose shape the
 * text alone shows ({@link LexicalShape}) is not even parsed.
 *
 * <p>On a service of several nodes, a table's store is spread over them; {@link PullQueryRouter}
 * reads each partition from the node that holds it.
 *
 * <p>Request properties: {@code query.pull.table.scan.enabled} (also spelled
 * {@code ksql.query.pull.table.scan.enabled}) overrides the server's setting for one query.
 */
public final class PullQueryRunner implements SelectRunner, AutoCloseable {

  /** The request property that allows or refuses table scans for one query. */
  public static final String TABLE_SCAN_PROPERTY = SluiceConfig.PULL_TABLE_SCAN_ENABLED;
  private static final String KSQL_TABLE_SCAN_PROPERTY = "ksql." + SluiceConfig.PULL_TABLE_SCAN_ENABLED;
  private static final int CACHED_QUERIES = 1000;
  private static final String LEXICAL = "lexical: ";
  private static final Duration STREAM_SCAN_TIMEOUT = Duration.ofSeconds(60);
  /** How long a pull query waits for its table's query to finish starting or rebalancing. */
  static final Duration STARTUP_WAIT = Duration.ofSeconds(10);
  private static final long STARTUP_POLL_NANOS = Duration.ofMillis(10).toNanos();

  private final Engine engine;
  private final boolean tableScansEnabled;
  private final SourceTableMaterializations sourceTables;
  private final Map<String, Object> clientConfig;
  private final PullQueryRouter router;
  private final AtomicLong nextId = new AtomicLong(1);
  private final Map<CacheKey, Compiled> compiled = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<CacheKey, Compiled> eldest) {
      return size() > CACHED_QUERIES;
    }
  };

  public PullQueryRunner(Engine engine, ServerContext context) {
    this.engine = engine;
    this.tableScansEnabled = context.config().pullTableScanEnabled();
    this.sourceTables = new SourceTableMaterializations(context);
    this.clientConfig = context.kafkaClientConfig();
    this.router = new PullQueryRouter(context.config().advertisedUrl());
  }

  @Override
  public QueryResults run(String sql, Map<String, String> properties) {
    Compiled query = null;
    ParsedStatement statement = null;
    LexicalShape lexical = LexicalShape.of(sql);
    String scanSetting = properties.getOrDefault(TABLE_SCAN_PROPERTY, properties.get(KSQL_TABLE_SCAN_PROPERTY));
    if (lexical != null && scanSetting == null) {
      query = withKeysOf(new CacheKey(LEXICAL + lexical.key(), tableScansEnabled), lexical.texts());
    }
    if (query == null) {
      statement = parse(sql);
      boolean scans = tableScans(scanSetting, statement);
      query = prepare(sql, statement, lexical, scans);
    }
    return execute(query, sql, statement, properties);
  }

  /** Reads the query's rows; {@code statement} is the parsed statement, or null when the query was found without parsing. */
  private QueryResults execute(Compiled query, String sql, ParsedStatement statement, Map<String, String> properties) {
    PullAnswer answer;
    try {
      if (query.scanner() != null) {
        answer = new PullAnswer(query.scanner().scan(clientConfig, STREAM_SCAN_TIMEOUT), false);
      } else {
        KafkaStreams streams = query.sourceTable() != null ? sourceTables.caughtUp(query.sourceTable())
            : awaitStarted(query.materialization().streams());
        answer = router.read(query.reader(), streams, query.storeName(), query.plan().schema(), query.plan().limit(),
            sql, properties);
      }
    } catch (StoreUnavailableException | UnsupportedPlanException e) {
      throw refused((query.scanner() != null ? "Stream " : "Table ") + query.plan().sourceName()
          + " cannot answer pull queries now: " + e.getMessage(), statement != null ? statement : parse(sql), 0, 0);
    } catch (IllegalArgumentException e) {
      throw refused(e.getMessage(), statement != null ? statement : parse(sql), 0, 0);
    }
    return new PullQueryResults("query_" + System.currentTimeMillis() + "_" + nextId.getAndIncrement(),
        query.plan().schema(), answer.rows(), answer.fromStandby());
  }

  /**
   * {@code streams} once it is no longer starting or rebalancing, or after {@link #STARTUP_WAIT}:
   * a pull query right after the CREATE TABLE AS SELECT that made its table then answers rather
   * than failing. A query in any other state is returned at once (the reader refuses it).
   */
  private static KafkaStreams awaitStarted(KafkaStreams streams) {
    long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
    while (startingUp(streams.state()) && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(STARTUP_POLL_NANOS);
    }
    return streams;
  }

  private static boolean startingUp(KafkaStreams.State state) {
    return state == KafkaStreams.State.CREATED || state == KafkaStreams.State.REBALANCING;
  }

  /**
   * The query compiled: from the cache by its text, or as a query of a cached key lookup's shape
   * with other keys, or planned and compiled now (and cached by text, and by shape when it looks
   * keys up).
   */
  private Compiled prepare(String sql, ParsedStatement statement, LexicalShape lexical, boolean scans) {
    CacheKey exact = new CacheKey(statement.text(), scans);
    Compiled query = cached(exact);
    if (query != null && current(query)) {
      return query;
    }
    QueryShape shape = shape(sql, statement);
    CacheKey byShape = shape == null ? null : new CacheKey(shape.key(), scans);
    Compiled sameShape = byShape == null ? null : withKeysOf(byShape, shape.texts());
    if (sameShape != null) {
      return sameShape;
    }
    PullQueryPlan plan = plan(statement, scans);
    query = compile(plan, statement);
    synchronized (compiled) {
      compiled.put(exact, query);
      KeyLookupTemplate keys = shape == null || query.reader() == null ? null : KeyLookupTemplate.of(plan, shape);
      if (keys != null) {
        compiled.put(byShape, query.withTemplate(keys));
        // The text alone finds the template next time when it reads the literals the parser found.
        if (lexical != null && lexical.texts().equals(shape.texts()) && lexical.kinds().equals(shape.kinds())) {
          compiled.put(new CacheKey(LEXICAL + lexical.key(), scans), query.withTemplate(keys));
        }
      }
    }
    return query;
  }

  /** The cached template under {@code key} made to look up the keys among {@code literals}, or null. */
  private Compiled withKeysOf(CacheKey key, List<String> literals) {
    Compiled template = cached(key);
    if (template == null || template.template() == null || !current(template)) {
      return null;
    }
    return template.withKeys(literals);
  }

  private static QueryShape shape(String sql, ParsedStatement statement) {
    try {
      return QueryShape.of(sql, statement.node());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Stops the source tables' materializations. */
  @Override
  public void close() {
    sourceTables.close();
  }

  /**
   * True if what a cached query was compiled for still holds its rows: the same running query
   * (a dropped and re-created table has another), or the same source definition.
   */
  private boolean current(Compiled query) {
    if (query.sourceTable() != null) {
      return engine.catalog().source(query.plan().sourceName()).filter(query.sourceTable()::equals).isPresent();
    }
    Materialization table = query.materialization();
    return engine.queries().get(table.queryId()).filter(running -> running.streams() == table.streams()).isPresent();
  }

  private Compiled cached(CacheKey key) {
    synchronized (compiled) {
      return compiled.get(key);
    }
  }

  private static ParsedStatement parse(String sql) {
    ParsedStatement statement = SelectStatements.parseOne(sql);
    if (((SqlQueryStatement) statement.node()).emit() != EmitMode.NONE) {
      throw refused("Not a pull query: a pull query is SELECT ... FROM ... [WHERE ...] [LIMIT n] without EMIT",
          statement, 0, 0);
    }
    return statement;
  }

  private boolean tableScans(String value, ParsedStatement statement) {
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

  /** Compiles a planned query against what holds its table now: the query that creates it, or its topic. */
  private Compiled compile(PullQueryPlan plan, ParsedStatement statement) {
    String name = plan.sourceName();
    try {
      if (plan.sourceType() != SourceType.TABLE) {
        SourceDescriptor stream = engine.catalog().source(name).orElseThrow(() ->
            refused("Unknown stream or table '" + name + "'", statement, 0, 0));
        return new Compiled(plan, null, new StreamScanner(stream, plan), null, stream, null);
      }
      Optional<Materialization> table = engine.queries().materialization(name);
      if (table.isPresent()) {
        return new Compiled(plan, PullQueryReader.ofAggregation(table.get().plan(), plan), null, table.get(), null,
            table.get().storeName());
      }
      boolean aggregated = engine.queries().writersOf(name).stream()
          .anyMatch(writer -> PlanNodes.aggregateOf(writer.command().plan().root()) != null);
      if (aggregated) {
        throw refused("Table " + name + " cannot answer pull queries: the query that creates it is not running",
            statement, 0, 0);
      }
      SourceDescriptor source = engine.catalog().source(name).orElseThrow(() ->
          refused("Unknown stream or table '" + name + "'", statement, 0, 0));
      if (source.window() != null) {
        throw refused("Table " + name + " cannot answer pull queries: the windowed aggregation that wrote it is "
            + "not running", statement, 0, 0);
      }
      return new Compiled(plan, PullQueryReader.ofSourceTable(source, plan), null, null, source,
          SourceTableTopology.STORE);
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

  /**
   * A pull query planned and compiled against what holds its rows: the query that creates its
   * table ({@code materialization}), a materialization of a source table's topic ({@code reader}
   * and {@code sourceTable}), or a stream's topic ({@code scanner} and {@code sourceTable}, the
   * stream).
   */
  private record Compiled(PullQueryPlan plan, PullQueryReader reader, StreamScanner scanner,
      Materialization materialization, SourceDescriptor sourceTable, String storeName, KeyLookupTemplate template) {

    Compiled(PullQueryPlan plan, PullQueryReader reader, StreamScanner scanner, Materialization materialization,
        SourceDescriptor sourceTable, String storeName) {
      this(plan, reader, scanner, materialization, sourceTable, storeName, null);
    }

    Compiled withTemplate(KeyLookupTemplate keys) {
      return new Compiled(plan, reader, scanner, materialization, sourceTable, storeName, keys);
    }

    /**
     * The query of the same shape looking up its own keys, or null if it differs otherwise. Its
     * plan is this one's: only the schema and source name are read from it.
     */
    Compiled withKeys(List<String> literals) {
      List<List<Expr>> lookups = template.lookups(literals);
      if (lookups == null) {
        return null;
      }
      try {
        return new Compiled(plan, reader.withKeyLookups(lookups), null, materialization, sourceTable, storeName);
      } catch (UnsupportedPlanException e) {
        return null;
      }
    }
  }
}

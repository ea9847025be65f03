package io.sluice.server.engine;

import io.sluice.runtime.RuntimeOptions;
import io.sluice.server.ServerComponent;
import io.sluice.server.ServerContext;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.entity.RunningQuery;
import io.sluice.server.pull.PullQueryRunner;
import io.sluice.server.query.QueryRegistry;
import io.sluice.server.query.StreamsProperties;
import io.sluice.server.statement.InsertValuesHandler;
import io.sluice.server.statement.StatementExecutor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statement engine as a server component: at start it makes sure the processing log topic
 * exists, replays the command log (so streams, tables and queries come back), opens for
 * statements and follows the log for other nodes' commands; at close it stops the queries,
 * keeping their state.
 */
public final class EngineComponent implements ServerComponent {

  private static final Logger LOG = LoggerFactory.getLogger(EngineComponent.class);

  private Engine engine;
  private StatementExecutor executor;
  private InsertValuesHandler insertValues;
  private CommandFollower follower;
  private PullQueryRunner pullQueries;
  private final Supplier<List<RunningQuery>> pushQueries;

  /** An engine on a server that runs no push queries. */
  public EngineComponent() {
    this(List::of);
  }

  /** @param pushQueries the server's running push queries, which SHOW QUERIES lists after the persistent ones */
  public EngineComponent(Supplier<List<RunningQuery>> pushQueries) {
    this.pushQueries = pushQueries;
  }

  @Override
  public void start(ServerContext context) {
    String serviceId = context.config().serviceId();
    String processingLog = EngineSettings.processingLogTopic(serviceId);
    context.topics().createIfAbsent(processingLog, 1, (short) -1, Map.of());
    RuntimeOptions runtimeOptions = new RuntimeOptions(processingLog);
    EngineSettings settings = new EngineSettings(
        context.bootstrapServers(), serviceId, runtimeOptions, shownProperties(context));
    QueryRegistry queries = new QueryRegistry(context.config(), context.bootstrapServers(), runtimeOptions);
    engine = new Engine(settings, context.commandLog(), context.topics(), queries);
    int replayed = engine.replay();
    LOG.debug("Replayed {} commands: {} sources, {} queries", replayed, engine.catalog().sources().size(),
        engine.queries().all().size());
    insertValues = new InsertValuesHandler(context.kafkaClientConfig());
    executor = new StatementExecutor(engine, insertValues, pushQueries);
    follower = new CommandFollower(engine, executor);
    follower.start();
    pullQueries = new PullQueryRunner(engine, context);
  }

  /** The settings in force, as SHOW PROPERTIES lists them: the server's, then every query's Kafka Streams defaults. */
  private static Map<String, String> shownProperties(ServerContext context) {
    SluiceConfig config = context.config();
    Map<String, String> shown = new TreeMap<>();
    shown.put(SluiceConfig.REST_HOST, config.restHost());
    shown.put(SluiceConfig.REST_PORT, String.valueOf(config.restPort()));
    shown.put(SluiceConfig.ADVERTISED_URL, config.advertisedUrl());
    shown.put(SluiceConfig.BOOTSTRAP_SERVERS, context.bootstrapServers());
    shown.put(SluiceConfig.DATA_DIR, config.dataDir().toString());
    shown.put(SluiceConfig.SERVICE_ID, config.serviceId());
    StreamsProperties.forQuery(config, context.bootstrapServers(), "<QUERY_ID>", Map.of())
        .forEach((key, value) -> shown.put(SluiceConfig.STREAMS_PREFIX + key, String.valueOf(value)));
    return shown;
  }

  public Engine engine() {
    return engine;
  }

  public StatementExecutor executor() {
    return executor;
  }

  /** Writes rows into streams, as INSERT INTO ... VALUES does. */
  public InsertValuesHandler insertValues() {
    return insertValues;
  }

  /** Runs pull queries on this engine's tables; available once the component has started. */
  public PullQueryRunner pullQueries() {
    return pullQueries;
  }

  @Override
  public void close() {
    if (follower != null) {
      follower.close();
    }
    if (executor != null) {
      // Waits for a statement in progress, so that no query starts after the registry closed.
      synchronized (executor) {
        closeEngine();
      }
    } else {
      closeEngine();
    }
  }

  private void closeEngine() {
    if (pullQueries != null) {
      pullQueries.close();
    }
    if (insertValues != null) {
      insertValues.close();
    }
    if (engine != null) {
      engine.close();
    }
  }
}

package io.sluice.server.query;

import io.sluice.runtime.BuiltQuery;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.QueryTopologyBuilder;
import io.sluice.runtime.RuntimeOptions;
import io.sluice.server.commands.CreateQueryCommand;
import io.sluice.server.config.SluiceConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The persistent queries running on this server, each its own Kafka Streams instance. */
public final class QueryRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QueryRegistry.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final SluiceConfig config;
  private final String bootstrapServers;
  private final RuntimeOptions runtimeOptions;
  private final Map<String, PersistentQuery> queries = new ConcurrentHashMap<>();

  public QueryRegistry(SluiceConfig config, String bootstrapServers, RuntimeOptions runtimeOptions) {
    this.config = config;
    this.bootstrapServers = bootstrapServers;
    this.runtimeOptions = runtimeOptions;
  }

  /** A query checked and built, ready to start: its topology and its Kafka Streams settings. */
  public record PreparedQuery(CreateQueryCommand command, BuiltQuery built, Properties properties) {}

  /**
   * Builds a query's topology from its plan and checks its Kafka Streams settings, throwing the
   * runtime's or Kafka's exception when the query cannot run as submitted.
   */
  public PreparedQuery prepare(CreateQueryCommand command) {
    BuiltQuery built = QueryTopologyBuilder.build(command.plan(), runtimeOptions);
    Properties properties = StreamsProperties.forQuery(
        config, bootstrapServers, command.queryId(), built.streamsSettings(), command.streamsProperties());
    new StreamsConfig(properties);
    return new PreparedQuery(command, built, properties);
  }

  /**
   * Prepares and starts a query from its stored command, as replay does. A query that cannot
   * start is registered in state ERROR rather than lost.
   */
  public PersistentQuery start(CreateQueryCommand command) {
    PreparedQuery prepared;
    try {
      prepared = prepare(command);
    } catch (RuntimeException e) {
      return registerFailed(command, e);
    }
    return start(prepared);
  }

  /** Starts a prepared query; it resumes from its committed offsets. */
  public PersistentQuery start(PreparedQuery prepared) {
    CreateQueryCommand command = prepared.command();
    KafkaStreams streams;
    try {
      streams = new KafkaStreams(prepared.built().topology(), prepared.properties());
    } catch (RuntimeException e) {
      return registerFailed(command, e);
    }
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("Query {} failed", command.queryId(), e);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    PersistentQuery query = new PersistentQuery(command, streams, prepared.built().stats(),
        prepared.built().topology().describe().toString(), null);
    queries.put(command.queryId(), query);
    streams.start();
    return query;
  }

  private PersistentQuery registerFailed(CreateQueryCommand command, RuntimeException e) {
    LOG.error("Query {} cannot start; it stays registered in state ERROR", command.queryId(), e);
    PersistentQuery query = new PersistentQuery(command, null, new QueryStats(), "", e.getMessage());
    queries.put(command.queryId(), query);
    return query;
  }

  /** Stops a query for good: closes it and removes its local state. */
  public void terminate(String queryId) {
    PersistentQuery query = queries.remove(queryId);
    if (query != null && query.streams() != null) {
      close(query);
      query.streams().cleanUp();
    }
  }

  public Optional<PersistentQuery> get(String queryId) {
    return Optional.ofNullable(queries.get(queryId));
  }

  public Collection<PersistentQuery> all() {
    return queries.values().stream().sorted(Comparator.comparing(PersistentQuery::id)).toList();
  }

  /** The queries that read {@code source}. */
  public List<PersistentQuery> readersOf(String source) {
    return all().stream().filter(q -> q.command().sources().contains(source)).toList();
  }

  /** The queries that write {@code source}. */
  public List<PersistentQuery> writersOf(String source) {
    return all().stream().filter(q -> q.command().sink().equals(source)).toList();
  }

  /**
   * The state store holding table {@code table}'s rows: that of the aggregation in the query that
   * created the table. Empty if no running query materializes it.
   */
  public Optional<Materialization> materialization(String table) {
    return writersOf(table).stream()
        .map(Materialization::of)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** Stops every query, each on its own thread so that slow closes overlap, keeping state for the next start. */
  @Override
  public void close() {
    List<Thread> closing = queries.values().stream()
        .filter(query -> query.streams() != null)
        .map(query -> new Thread(() -> close(query), "close-" + query.id()))
        .toList();
    closing.forEach(Thread::start);
    for (Thread thread : closing) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    queries.clear();
  }

  /**
   * Closes a query's Kafka Streams instance and leaves its consumer group, so that the query's
   * next start (after a restart, say) need not wait for the old member's session to expire.
   */
  private static void close(PersistentQuery query) {
    query.streams().close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(CLOSE_TIMEOUT));
  }
}

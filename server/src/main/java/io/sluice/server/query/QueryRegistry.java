package io.sluice.server.query;

import io.sluice.plan.PhysicalPlan;
import io.sluice.runtime.BuiltQuery;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
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

  /** Builds the query's topology from its plan and starts it; it resumes from its committed offsets. */
  public PersistentQuery start(CreateQueryCommand command) {
    PhysicalPlan plan = command.plan();
    BuiltQuery built = QueryTopologyBuilder.build(plan, runtimeOptions);
    KafkaStreams streams = new KafkaStreams(built.topology(),
        StreamsProperties.forQuery(config, bootstrapServers, plan.queryId(), command.streamsProperties()));
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("Query {} failed", plan.queryId(), e);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    PersistentQuery query = new PersistentQuery(command, streams, built.stats(), built.topology().describe().toString());
    queries.put(plan.queryId(), query);
    streams.start();
    return query;
  }

  /** Stops a query for good: closes it and removes its local state. */
  public void terminate(String queryId) {
    PersistentQuery query = queries.remove(queryId);
    if (query != null) {
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

  /** Stops every query, in parallel, keeping its state for the next start. */
  @Override
  public void close() {
    CompletableFuture.allOf(queries.values().stream()
        .map(query -> CompletableFuture.runAsync(() -> close(query)))
        .toArray(CompletableFuture[]::new)).join();
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

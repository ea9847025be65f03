package io.sluice.server.results;

import io.sluice.plan.PhysicalPlan;
import io.sluice.planner.query.PushQueryPlan;
import io.sluice.runtime.BuiltQuery;
import io.sluice.runtime.QueryTopologyBuilder;
import io.sluice.runtime.RuntimeOptions;
import io.sluice.server.ServerComponent;
import io.sluice.server.ServerContext;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.engine.EngineSettings;
import io.sluice.server.entity.RunningQuery;
import io.sluice.server.query.StreamsProperties;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push queries running on this server, each a transient Kafka Streams application of its own:
 * starts them (at most {@code query.push.max.concurrent} at once), closes them by id, and cleans up
 * after each on a background thread (see {@link TransientCleanup}). Server shutdown closes them all.
 */
public final class PushQueries implements ServerComponent {

  private static final Logger LOG = LoggerFactory.getLogger(PushQueries.class);
  private static final long SHUTDOWN_WAIT_SECONDS = 30;

  private final Map<String, PushQuery> running = new ConcurrentHashMap<>();
  private SluiceConfig config;
  private String bootstrapServers;
  private Admin admin;
  private RuntimeOptions runtimeOptions;
  private Semaphore slots;
  private ExecutorService cleaner;

  @Override
  public void start(ServerContext context) {
    config = context.config();
    bootstrapServers = context.bootstrapServers();
    admin = context.admin();
    runtimeOptions = new RuntimeOptions(EngineSettings.processingLogTopic(config.serviceId()));
    slots = new Semaphore(config.pushMaxConcurrent());
    cleaner = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "push-query-cleanup");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Starts {@code plan} with the request's properties and returns its results. Throws
   * {@link TooManyPushQueriesException} when every slot is taken, and the runtime's or Kafka's
   * exception when the query cannot run as planned.
   */
  public PushQuery start(PushQueryPlan plan, String statementText, Map<String, String> properties) {
    if (!slots.tryAcquire()) {
      throw new TooManyPushQueriesException(config.pushMaxConcurrent());
    }
    String queryId = newQueryId(plan.sourcesRead().get(0));
    String applicationId = StreamsProperties.transientApplicationId(config, queryId);
    Holder holder = new Holder();
    PushQuery query = new PushQuery(queryId, statementText, plan.schema(), plan.limit(),
        closed -> stop(closed, holder, applicationId));
    KafkaStreams streams;
    try {
      PhysicalPlan physical = plan.plan(queryId);
      BuiltQuery built = QueryTopologyBuilder.build(physical, runtimeOptions, query);
      Properties props = StreamsProperties.forTransientQuery(config, bootstrapServers, queryId,
          built.streamsSettings(), properties);
      new StreamsConfig(props);
      if ("latest".equals(String.valueOf(props.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)))) {
        pinLatest(applicationId, physical);
      }
      streams = new KafkaStreams(built.topology(), props);
    } catch (RuntimeException e) {
      slots.release();
      // Pinning the start may have created the group already.
      cleaner.execute(() -> TransientCleanup.run(null, applicationId, admin, config.streamsStateDir()));
      throw e;
    }
    holder.streams = streams;
    streams.setUncaughtExceptionHandler(e -> {
      LOG.warn("Push query {} failed", queryId, e);
      query.fail("The query failed: " + e.getMessage());
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    running.put(queryId, query);
    streams.start();
    LOG.debug("Started push query {} as {}", queryId, applicationId);
    return query;
  }

  /** Starts the query at the current end of its sources; if that fails, {@code latest} still applies, only later. */
  private void pinLatest(String applicationId, PhysicalPlan plan) {
    try {
      StartOffsets.commitEnds(admin, applicationId, plan);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Could not pin the start offsets of {}; it reads from latest once it joins: {}", applicationId,
          e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the running push query {@code queryId}; false if there is none. */
  public boolean close(String queryId) {
    PushQuery query = running.get(queryId);
    if (query == null) {
      return false;
    }
    query.close();
    return true;
  }

  /** The running push query {@code queryId}. */
  public Optional<PushQuery> get(String queryId) {
    return Optional.ofNullable(running.get(queryId));
  }

  /** The running push queries as SHOW QUERIES lists them, of type PUSH, in the order of their ids. */
  public List<RunningQuery> runningQueries() {
    return running.values().stream()
        .sorted(Comparator.comparing(PushQuery::queryId))
        .map(q -> new RunningQuery(q.statementText(), List.of(), List.of(), q.queryId(), Map.of("RUNNING", 1), "PUSH",
            "RUNNING"))
        .toList();
  }

  /** How many push queries run now. */
  public int count() {
    return running.size();
  }

  /** ksqlDB's style of transient query id: {@code transient_<SOURCE>_<random number>}, unique across restarts. */
  private static String newQueryId(String source) {
    return "transient_" + source + "_" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
  }

  /** The query's Kafka Streams instance, known only after its results object exists. */
  private static final class Holder {
    private volatile KafkaStreams streams;
  }

  private void stop(PushQuery query, Holder holder, String applicationId) {
    if (running.remove(query.queryId()) != null) {
      slots.release();
    }
    KafkaStreams streams = holder.streams;
    cleaner.execute(() -> TransientCleanup.run(streams, applicationId, admin, config.streamsStateDir()));
  }

  /** Ends every push query, so that their clients get their last rows and REST can stop. */
  @Override
  public void beforeStop() {
    List.copyOf(running.values()).forEach(PushQuery::close);
  }

  /** Waits for the cleanup of the queries closed at shutdown. */
  @Override
  public void close() throws InterruptedException {
    beforeStop();
    if (cleaner != null) {
      cleaner.shutdown();
      if (!cleaner.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("Push query cleanup did not finish within {} s", SHUTDOWN_WAIT_SECONDS);
      }
    }
  }
}

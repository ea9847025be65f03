package io.sluice.server;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.sluice.server.commands.CommandLog;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.engine.EngineComponent;
import io.sluice.server.jdbc.JdbcRoutes;
import io.sluice.server.kafka.EmbeddedKafka;
import io.sluice.server.kafka.FreePorts;
import io.sluice.server.kafka.KafkaHealthProbe;
import io.sluice.server.kafka.KafkaReadiness;
import io.sluice.server.rest.ConsoleFiles;
import io.sluice.server.rest.ErrorHandling;
import io.sluice.server.rest.HealthChecks;
import io.sluice.server.rest.HealthRoutes;
import io.sluice.server.rest.InfoRoutes;
import io.sluice.server.rest.InsertsStreamRoutes;
import io.sluice.server.rest.Json;
import io.sluice.server.rest.KsqlRoutes;
import io.sluice.server.rest.ProcessingLogRoutes;
import io.sluice.server.rest.QueryRoutes;
import io.sluice.server.rest.QueryStreamRoutes;
import io.sluice.server.rest.RestRoutes;
import io.sluice.server.rest.WebSocketQueryRoutes;
import io.sluice.server.results.PushQueries;
import io.sluice.server.results.PushQueryRunner;
import io.sluice.server.results.SelectRunner;
import io.sluice.server.results.SelectRunners;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Sluice server: Kafka (embedded or external), the command log, the registered
 * components and the REST endpoints. {@link #main} runs one from the command line; tests and
 * embedders use {@link #start(SluiceConfig)} or {@link #builder(SluiceConfig)}.
 */
public final class SluiceServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SluiceServer.class);
  static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(60);

  private final ServerContext context;
  private final String restUrl;
  private final Deque<NamedCloseable> started;
  private final List<ServerComponent> components;
  private final CountDownLatch closed = new CountDownLatch(1);

  private SluiceServer(
      ServerContext context, String restUrl, Deque<NamedCloseable> started, List<ServerComponent> components) {
    this.context = context;
    this.restUrl = restUrl;
    this.started = started;
    this.components = components;
  }

  /** Runs a server from command-line arguments until SIGTERM; see {@code docs/operations.md}. */
  public static void main(String[] args) {
    ServerLauncher.run(args);
  }

  /** Starts the full server: the statement engine and every standard route. */
  public static SluiceServer start(SluiceConfig config) {
    PushQueries pushQueries = new PushQueries();
    EngineComponent engine = new EngineComponent(pushQueries::runningQueries);
    SelectRunner selects = new SelectRunners(
        (sql, properties) -> engine.pullQueries().run(sql, properties),
        new PushQueryRunner(() -> engine.engine().planningCatalog(), pushQueries));
    QueryRoutes queryRoutes = new QueryRoutes(selects);
    JdbcRoutes jdbcRoutes = new JdbcRoutes(engine, selects);
    return builder(config)
        .component(engine)
        .component(pushQueries)
        .component(queryRoutes)
        .component(jdbcRoutes)
        .routes(new KsqlRoutes(engine))
        .routes(queryRoutes)
        .routes(new QueryStreamRoutes(selects, pushQueries, queryRoutes::running))
        .routes(new WebSocketQueryRoutes(selects, queryRoutes::running))
        .routes(new InsertsStreamRoutes(engine))
        .routes(new ProcessingLogRoutes())
        .routes(jdbcRoutes)
        .start();
  }

  /**
   * A server with the core routes ({@code /info}, {@code /healthcheck}) to which components and
   * routes can be added.
   */
  public static Builder builder(SluiceConfig config) {
    return new Builder(config);
  }

  /** Where REST listens, e.g. {@code http://127.0.0.1:8088}, with the real port when rest.port was 0. */
  public String restUrl() {
    return restUrl;
  }

  public String bootstrapServers() {
    return context.bootstrapServers();
  }

  public String kafkaClusterId() {
    return context.kafkaClusterId();
  }

  public ServerContext context() {
    return context;
  }

  /** The started component of type {@code type}, e.g. the {@code EngineComponent} that holds the catalog and queries. */
  public <T extends ServerComponent> Optional<T> component(Class<T> type) {
    return components.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The line printed once the server is up, saying where REST and Kafka listen. */
  public String readyLine() {
    SluiceConfig config = context.config();
    String kafka =
        config.embeddedKafka()
            ? context.bootstrapServers() + " (embedded, data in " + config.dataDir() + ")"
            : context.bootstrapServers() + " (external)";
    return "Sluice " + SluiceVersion.current() + " ready: REST " + restUrl + ", Kafka " + kafka;
  }

  /** Blocks until {@link #close} has finished. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /** Stops REST, then the components in reverse order, then Kafka clients and the embedded broker. */
  @Override
  public void close() {
    synchronized (started) {
      for (ServerComponent component : components) {
        try {
          component.beforeStop();
        } catch (RuntimeException e) {
          LOG.warn("Error while stopping {}: {}", component.getClass().getSimpleName(), e.toString(), e);
        }
      }
      closeAll(started);
    }
    closed.countDown();
  }

  private static void closeAll(Deque<NamedCloseable> started) {
    while (!started.isEmpty()) {
      NamedCloseable next = started.pop();
      try {
        next.closeable().close();
      } catch (Exception e) {
        LOG.warn("Error while stopping {}: {}", next.name(), e.toString(), e);
      }
    }
  }

  /** Something to close on shutdown, named for the log if closing it fails. */
  private record NamedCloseable(String name, AutoCloseable closeable) {}

  /** Collects components and routes, then starts everything in order. */
  public static final class Builder {

    private SluiceConfig config;
    private final List<ServerComponent> components = new ArrayList<>();
    private final List<RestRoutes> routes = new ArrayList<>(List.of(new InfoRoutes(), new HealthRoutes()));

    private Builder(SluiceConfig config) {
      this.config = config;
    }

    /** Adds a component; components start in the order added and close in reverse. */
    public Builder component(ServerComponent component) {
      components.add(component);
      return this;
    }

    /** Adds a group of endpoints, added to REST after every component has started. */
    public Builder routes(RestRoutes group) {
      routes.add(group);
      return this;
    }

    /**
     * Starts Kafka (or connects to it), opens the command log, starts the components and then REST.
     * On any failure it stops whatever it had started and rethrows.
     */
    public SluiceServer start() {
      requireFreeRestPort();
      if (config.restPort() == 0) {
        // Queries advertise this node's REST endpoint to Kafka Streams before REST starts, so
        // the port must be known now.
        config = config.with(SluiceConfig.REST_PORT, String.valueOf(FreePorts.pick(config.restHost())));
      }
      Deque<NamedCloseable> started = new ArrayDeque<>();
      try {
        String bootstrapServers = config.bootstrapServers().orElseGet(() -> startEmbeddedKafka(started));
        ServerContext context = connect(bootstrapServers, started);
        for (ServerComponent component : components) {
          component.start(context);
          started.push(new NamedCloseable(component.getClass().getSimpleName(), component::close));
        }
        Javalin rest = startRest(context, started);
        return new SluiceServer(
            context, "http://" + config.restHost() + ":" + rest.port(), started, List.copyOf(components));
      } catch (Exception e) {
        closeAll(started);
        if (e instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException("Cannot start Sluice: " + e.getMessage(), e);
      }
    }

    private void requireFreeRestPort() {
      if (config.restPort() != 0 && !FreePorts.isFree(config.restHost(), config.restPort())) {
        throw new IllegalStateException(
            "Cannot listen for REST on " + config.restHost() + ":" + config.restPort()
                + ": the port is in use (is another Sluice running?). Set rest.port to another port.");
      }
    }

    private String startEmbeddedKafka(Deque<NamedCloseable> started) {
      EmbeddedKafka kafka = new EmbeddedKafka(config.kafkaDataDir(), config.embeddedKafkaPort());
      kafka.start();
      started.push(new NamedCloseable("embedded Kafka broker", kafka));
      return kafka.bootstrapServers();
    }

    private ServerContext connect(String bootstrapServers, Deque<NamedCloseable> started) {
      Admin admin = Admin.create(config.kafkaClientConfig(bootstrapServers));
      started.push(new NamedCloseable("Kafka admin client", admin));
      String clusterId = KafkaReadiness.await(admin, KAFKA_TIMEOUT);
      CommandLog commandLog = CommandLog.open(admin, config.kafkaClientConfig(bootstrapServers), config.serviceId());
      started.push(new NamedCloseable("command log", commandLog));
      KafkaHealthProbe kafkaHealth = new KafkaHealthProbe(admin, Duration.ofSeconds(2), Duration.ofSeconds(3), true);
      HealthChecks healthChecks = new HealthChecks(kafkaHealth::reachable);
      return new ServerContext(config, bootstrapServers, clusterId, admin, commandLog, healthChecks);
    }

    private Javalin startRest(ServerContext context, Deque<NamedCloseable> started) {
      Javalin rest =
          Javalin.create(
              javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.startup.showOldJavalinVersionWarning = false;
                javalin.jsonMapper(new JavalinJackson(Json.mapper(), false));
                ErrorHandling.addTo(javalin);
                ConsoleFiles.addTo(javalin);
                routes.forEach(group -> group.addTo(javalin.routes, context));
              });
      started.push(new NamedCloseable("REST server", rest::stop));
      rest.start(config.restHost(), config.restPort());
      return rest;
    }
  }
}

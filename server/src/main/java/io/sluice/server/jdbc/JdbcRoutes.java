package io.sluice.server.jdbc;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.sluice.server.ServerComponent;
import io.sluice.server.ServerContext;
import io.sluice.server.engine.EngineComponent;
import io.sluice.server.rest.RequestBodies;
import io.sluice.server.rest.RestRoutes;
import io.sluice.server.results.SelectRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Handler;
import org.apache.calcite.avatica.remote.JsonHandler;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /jdbc}: the Avatica remote protocol the Sluice JDBC driver speaks, in protobuf or
 * JSON (told apart by the body's first byte), handled by Avatica's own handlers over a
 * {@link LocalService} over {@link SluiceMeta}. As a component it ends every JDBC query at shutdown.
 */
public final class JdbcRoutes implements RestRoutes, ServerComponent {

  public static final String PATH = "/jdbc";
  /** How long a fetch waits for a push query's next row before answering with an empty frame. */
  public static final Duration FETCH_WAIT = Duration.ofSeconds(1);
  /** Results no client has fetched for this long are ended (a reader of a push query fetches every second). */
  public static final Duration UNREAD_LIMIT = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(JdbcRoutes.class);

  private final EngineComponent engine;
  private final SelectRunner selects;
  private SluiceMeta meta;
  private ScheduledExecutorService sweeper;

  /** JDBC over {@code engine}'s catalog and statements, running SELECTs with {@code selects}. */
  public JdbcRoutes(EngineComponent engine, SelectRunner selects) {
    this.engine = engine;
    this.selects = selects;
  }


  @Override
  public void start(ServerContext context) {
    // The engine starts first; its catalog and executor exist from here on.
    meta = new SluiceMeta(engine.engine().catalog(), engine.executor(), selects, FETCH_WAIT);
    sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "sluice-jdbc-sweeper");
      thread.setDaemon(true);
      return thread;
    });
    sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
  }

  private void sweep() {
    try {
      int closed = meta.closeUnread(UNREAD_LIMIT);
      if (closed > 0) {
        LOG.info("Ended {} JDBC results no client had read for {}", closed, UNREAD_LIMIT);
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not end unread JDBC results: {}", e.toString(), e);
    }
  }

  @Override
  public void addTo(RoutesConfig routes, ServerContext context) {
    if (meta == null) {
      throw new IllegalStateException("JdbcRoutes must be registered as a component too, after the engine");
    }
    LocalService service = new LocalService(meta);
    JsonHandler json = new JsonHandler(service, NoopMetricsSystem.getInstance());
    ProtobufHandler protobuf = new ProtobufHandler(service, new ProtobufTranslationImpl(), NoopMetricsSystem.getInstance());
    routes.post(PATH, ctx -> handle(ctx, json, protobuf));
  }

  private static void handle(Context ctx, JsonHandler json, ProtobufHandler protobuf) {
    byte[] body = RequestBodies.bytes(ctx);
    if (isJson(body)) {
      Handler.HandlerResponse<String> response = json.apply(new String(body, StandardCharsets.UTF_8));
      ctx.status(response.getStatusCode()).contentType("application/json; charset=utf-8").result(response.getResponse());
    } else {
      Handler.HandlerResponse<byte[]> response = protobuf.apply(ShadedNames.toAvatica(body));
      ctx.status(response.getStatusCode()).contentType("application/octet-stream")
          .result(ShadedNames.likeRequest(body, response.getResponse()));
    }
  }

  /** Avatica's JSON requests are objects; its protobuf requests start with a field tag, never '{'. */
  private static boolean isJson(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '{';
      }
    }
    return false;
  }

  /** Ends every JDBC query, so that fetches waiting on push queries return before REST stops. */
  @Override
  public void beforeStop() {
    if (meta != null) {
      meta.closeAll();
    }
  }

  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    beforeStop();
  }
}

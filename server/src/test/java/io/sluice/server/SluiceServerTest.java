package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.rest.Json;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.SharedKafka;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An in-process server over real HTTP: core routes, error shapes and the component lifecycle. */
class SluiceServerTest {

  @TempDir static Path dataDir;

  private static SluiceServer server;

  @BeforeAll
  static void startServer() {
    server =
        SluiceServer.builder(config(SharedKafka.uniqueName("rest")))
            .routes(
                (routes, context) -> {
                  routes.get("/test/exception", ctx -> {
                    throw new IllegalStateException("the handler broke");
                  });
                  routes.get("/test/error", ctx -> {
                    throw new LinkageError("a class is missing");
                  });
                })
            .start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void infoHasKsqlDbShapeWithVersionClusterServiceAndKafka() throws Exception {
    Http.Response response = Http.get(server.restUrl() + "/info");

    assertEquals(200, response.status());
    assertTrue(response.contentType().startsWith("application/json"), response.contentType());
    Map<String, Object> expected =
        Map.of(
            "KsqlServerInfo",
            Map.of(
                "version", SluiceVersion.current(),
                "kafkaClusterId", server.kafkaClusterId(),
                "ksqlServiceId", server.context().config().serviceId(),
                "serverStatus", "RUNNING",
                "kafkaBootstrapServers", SharedKafka.bootstrapServers()));
    assertEquals(Json.mapper().valueToTree(expected), response.json());
    assertTrue(SluiceVersion.current().matches("\\d+\\.\\d+\\.\\d+.*"), SluiceVersion.current());
  }

  @Test
  void healthcheckReportsEveryPartHealthyAndReady() throws Exception {
    Http.Response response = Http.get(server.restUrl() + "/healthcheck");

    assertEquals(200, response.status());
    assertEquals(
        Json.mapper().readTree(
            "{\"isHealthy\":true,\"details\":{\"metastore\":{\"isHealthy\":true},\"kafka\":{\"isHealthy\":true},"
                + "\"commandRunner\":{\"isHealthy\":true}},\"serverState\":\"READY\"}"),
        response.json());
    assertEquals(List.of("metastore", "kafka", "commandRunner"), fieldNames(response.json().get("details")));
  }

  @Test
  void unknownRouteAnswers404InKsqlDbErrorShape() throws Exception {
    Http.Response response = Http.get(server.restUrl() + "/no/such/thing");

    assertEquals(404, response.status());
    assertEquals(
        Json.mapper().readTree(
            "{\"@type\":\"generic_error\",\"error_code\":40400,\"message\":\"Not found: GET /no/such/thing\"}"),
        response.json());
  }

  @Test
  void exceptionInAHandlerAnswers500AndTheServerKeepsServing() throws Exception {
    Http.Response response = Http.get(server.restUrl() + "/test/exception");

    assertEquals(500, response.status());
    assertEquals(
        Json.mapper().readTree("{\"@type\":\"generic_error\",\"error_code\":50000,\"message\":\"the handler broke\"}"),
        response.json());
    assertEquals(200, Http.get(server.restUrl() + "/info").status());
  }

  @Test
  void errorInAHandlerAnswers500AndTheServerKeepsServing() {
    Http.Response response = Http.get(server.restUrl() + "/test/error");

    assertEquals(500, response.status());
    assertEquals(50000, response.json().get("error_code").asInt());
    assertEquals("a class is missing", response.json().get("message").asText());
    assertEquals(200, Http.get(server.restUrl() + "/healthcheck").status());
  }

  @Test
  void componentsStartInOrderAndStopInReverseAfterRest() {
    List<String> events = new CopyOnWriteArrayList<>();
    String[] restUrl = new String[1];
    SluiceServer lifecycle =
        SluiceServer.builder(config(SharedKafka.uniqueName("lifecycle")))
            .component(new Recording("first", events, restUrl))
            .component(new Recording("second", events, restUrl))
            .routes((routes, context) -> events.add("routes added"))
            .start();
    restUrl[0] = lifecycle.restUrl();

    lifecycle.close();

    assertEquals(
        List.of(
            "first started",
            "second started",
            "routes added",
            "second closed after REST stopped",
            "first closed after REST stopped"),
        events);
  }

  @Test
  void failedComponentStopsWhatHadStartedAndFailsTheStart() {
    List<String> events = new CopyOnWriteArrayList<>();
    SluiceServer.Builder builder =
        SluiceServer.builder(config(SharedKafka.uniqueName("failing")))
            .component(new Recording("first", events, new String[1]))
            .component(
                new ServerComponent() {
                  @Override
                  public void start(ServerContext context) {
                    throw new IllegalStateException("cannot start the second");
                  }

                  @Override
                  public void close() {
                    events.add("second closed");
                  }
                });

    IllegalStateException error = assertThrows(IllegalStateException.class, builder::start);

    assertEquals("cannot start the second", error.getMessage());
    assertEquals(List.of("first started", "first closed"), events);
  }

  @Test
  void componentHealthCheckTurnsTheHealthcheckUnhealthy() {
    try (SluiceServer unhealthy =
        SluiceServer.builder(config(SharedKafka.uniqueName("unhealthy")))
            .component(
                new ServerComponent() {
                  @Override
                  public void start(ServerContext context) {
                    context.healthChecks().register("commandRunner", () -> false);
                  }

                  @Override
                  public void close() {}
                })
            .start()) {
      Http.Response response = Http.get(unhealthy.restUrl() + "/healthcheck");

      assertEquals(503, response.status());
      assertEquals(false, response.json().get("isHealthy").asBoolean());
      assertEquals(false, response.json().at("/details/commandRunner/isHealthy").asBoolean());
      assertEquals(true, response.json().at("/details/kafka/isHealthy").asBoolean());
    }
  }

  @Test
  void startCreatesTheServicesCommandLog() {
    String serviceId = server.context().config().serviceId();

    assertEquals("_sluice_" + serviceId + "_commands", server.context().commandLog().topic());
    assertTrue(SharedKafka.topics().exists("_sluice_" + serviceId + "_commands"));
  }

  @Test
  void readyLineSaysWhereRestAndKafkaListen() {
    String kafka = SharedKafka.bootstrapServers() + " (external)";

    assertEquals(
        "Sluice " + SluiceVersion.current() + " ready: REST " + server.restUrl() + ", Kafka " + kafka,
        server.readyLine());
  }

  private static SluiceConfig config(String serviceId) {
    return SluiceConfig.of(
        Map.of(
            "rest.port", "0",
            "bootstrap.servers", SharedKafka.bootstrapServers(),
            "service.id", serviceId,
            "data.dir", dataDir.toString()));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A component that records its lifecycle, and whether REST still answered when it was closed. */
  private record Recording(String name, List<String> events, String[] restUrl) implements ServerComponent {

    @Override
    public void start(ServerContext context) {
      events.add(name + " started");
    }

    @Override
    public void close() {
      if (restUrl[0] == null) {
        events.add(name + " closed");
        return;
      }
      try {
        Http.get(restUrl[0] + "/info");
        events.add(name + " closed while REST still answered");
      } catch (UncheckedIOException refused) {
        events.add(name + " closed after REST stopped");
      }
    }
  }
}

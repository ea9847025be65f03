package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.rest.Json;
import io.sluice.server.results.PushQueries;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket query endpoint, streaming inserts and the limit on concurrent push queries, on a
 * server that allows one push query at a time.
 */
class StreamingEndpointsEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of(SluiceConfig.PUSH_MAX_CONCURRENT, "1"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void stream(String name) {
    server.ok("CREATE STREAM " + name + " (ID BIGINT KEY, NAME STRING, AMOUNT INT) WITH (KAFKA_TOPIC='"
        + SharedKafka.uniqueTopic(name.toLowerCase()) + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
  }

  private static void awaitNoPushQuery() {
    Poll.until(WAIT, () -> server.server().component(PushQueries.class)
        .orElseThrow().count() == 0, "no push query to run");
  }

  @Test
  void secondPushQueryPastTheLimitGets429() throws Exception {
    stream("LIMITED_CONCURRENCY");
    awaitNoPushQuery();
    try (StreamingResponse first = StreamingResponse.post(server.url() + "/query-stream",
        Map.of("sql", "SELECT ID FROM LIMITED_CONCURRENCY EMIT CHANGES;"), null)) {
      assertEquals(200, first.status());
      Http.Response second = Http.postJson(server.url() + "/query-stream",
          Map.of("sql", "SELECT ID FROM LIMITED_CONCURRENCY EMIT CHANGES;"));
      assertEquals(429, second.status(), second.body());
      assertEquals(42900, second.json().path("error_code").asInt());
      assertTrue(second.json().path("message").asText().contains("query.push.max.concurrent"));
    }
    awaitNoPushQuery();
  }

  @Test
  void webSocketQuerySendsTheSchemaThenRowsAndEndsAtItsLimit() throws Exception {
    stream("WS_ROWS");
    server.ok("INSERT INTO WS_ROWS (ID, NAME, AMOUNT) VALUES (1, 'a', 10);");
    server.ok("INSERT INTO WS_ROWS (ID, NAME, AMOUNT) VALUES (2, 'b', 20);");
    awaitNoPushQuery();
    String request = Json.mapper().writeValueAsString(Map.of(
        "ksql", "SELECT ID, NAME FROM WS_ROWS EMIT CHANGES LIMIT 2;",
        "streamsProperties", Map.of("auto.offset.reset", "earliest")));
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket.Listener listener = new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        frames.add(data.toString());
        webSocket.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        frames.add("close " + statusCode + " " + reason);
        return null;
      }
    };
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(server.url().replace("http://", "ws://") + "/ws/query?request="
            + URLEncoder.encode(request, StandardCharsets.UTF_8)), listener)
        .get(30, TimeUnit.SECONDS);
    try {
      JsonNode schema = Json.mapper().readTree(frames.poll(30, TimeUnit.SECONDS));
      assertEquals("ID", schema.get(0).path("name").asText());
      assertEquals("BIGINT", schema.get(0).path("schema").path("type").asText());
      assertEquals("STRING", schema.get(1).path("schema").path("type").asText());
      assertEquals("{\"row\":{\"columns\":[1,\"a\"]}}", frames.poll(30, TimeUnit.SECONDS));
      assertEquals("{\"row\":{\"columns\":[2,\"b\"]}}", frames.poll(30, TimeUnit.SECONDS));
      assertEquals("close 1000 Limit Reached", frames.poll(30, TimeUnit.SECONDS));
    } finally {
      socket.abort();
    }
    awaitNoPushQuery();
  }

  @Test
  void closingTheWebSocketStopsItsQuery() throws Exception {
    stream("WS_CLOSED");
    awaitNoPushQuery();
    String request = Json.mapper().writeValueAsString(Map.of("ksql", "SELECT ID FROM WS_CLOSED EMIT CHANGES;"));
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(server.url().replace("http://", "ws://") + "/ws/query?request="
            + URLEncoder.encode(request, StandardCharsets.UTF_8)), new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                frames.add(data.toString());
                webSocket.request(1);
                return null;
              }
            })
        .get(30, TimeUnit.SECONDS);
    Json.mapper().readTree(frames.poll(30, TimeUnit.SECONDS));
    assertEquals(1, server.server().component(PushQueries.class).orElseThrow().count());
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(30, TimeUnit.SECONDS);
    awaitNoPushQuery();
  }

  @Test
  void webSocketRefusesABadQueryWithTheStatementErrorThenCloses() throws Exception {
    String request = Json.mapper().writeValueAsString(Map.of("ksql", "SELECT NOPE FROM NO_SUCH EMIT CHANGES;"));
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(server.url().replace("http://", "ws://") + "/ws/query?request="
            + URLEncoder.encode(request, StandardCharsets.UTF_8)), new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                frames.add(data.toString());
                webSocket.request(1);
                return null;
              }

              @Override
              public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                frames.add("close " + statusCode);
                return null;
              }
            })
        .get(30, TimeUnit.SECONDS);
    JsonNode error = Json.mapper().readTree(frames.poll(30, TimeUnit.SECONDS));
    assertEquals("statement_error", error.path("@type").asText(), error.toString());
    assertEquals(1, error.path("line").asInt());
    assertEquals("close 1003", frames.poll(30, TimeUnit.SECONDS));
  }

  @Test
  void insertsStreamAcknowledgesEachRowAndTheRowsLand() throws Exception {
    stream("INSERTED");
    String body = String.join("\n",
        "{\"target\":\"INSERTED\"}",
        "{\"ID\":1,\"NAME\":\"a\",\"AMOUNT\":3}",
        "{\"ID\":\"not a number\",\"NAME\":\"b\"}",
        "{\"id\":2,\"name\":\"c\",\"amount\":4}");
    Http.Response response = Http.send(HttpRequest.newBuilder(URI.create(server.url() + "/inserts-stream"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(200, response.status(), response.body());
    List<String> acks = response.body().lines().toList();
    assertEquals(3, acks.size(), response.body());
    assertEquals("{\"status\":\"ok\",\"seq\":0}", acks.get(0));
    JsonNode error = Json.mapper().readTree(acks.get(1));
    assertEquals("error", error.path("status").asText());
    assertEquals(1, error.path("seq").asInt());
    assertTrue(error.path("message").asText().contains("ID"), error.toString());
    assertEquals("{\"status\":\"ok\",\"seq\":2}", acks.get(2));

    awaitNoPushQuery();
    try (StreamingResponse rows = StreamingResponse.post(server.url() + "/query-stream",
        Map.of("sql", "SELECT ID, NAME, AMOUNT FROM INSERTED EMIT CHANGES LIMIT 2;",
            "properties", Map.of("auto.offset.reset", "earliest")), null)) {
      rows.nextLine(WAIT);
      assertEquals("[1,\"a\",3]", rows.nextLine(WAIT));
      assertEquals("[2,\"c\",4]", rows.nextLine(WAIT));
    }
  }

  @Test
  void insertsStreamIntoAnUnknownStreamGets400() {
    Http.Response response = Http.send(HttpRequest.newBuilder(URI.create(server.url() + "/inserts-stream"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"NO_SUCH\"}\n{\"ID\":1}")));
    assertEquals(400, response.status(), response.body());
  }
}

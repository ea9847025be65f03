package io.sluice.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a case's pull and push queries through {@code POST /query} on its server and compares the
 * answers (ksqlDB's array of a header, rows and an optional final message) with the expected ones.
 */
final class QueryCheck {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private QueryCheck() {}

  static void verify(ExpectedQuery query, String restUrl) {
    String what = query.kind().name().toLowerCase() + " query at line " + query.line() + " (" + query.sql() + ")";
    if (query.refusal() != null) {
      Http.Response response = Http.postJson(restUrl + "/query", request(query));
      assertEquals(400, response.status(), what + " must be refused: " + response.body());
      String message = response.json().path("message").asText();
      assertTrue(message.contains(query.refusal()), what + ": expected the error to contain '" + query.refusal()
          + "' but it was '" + message + "'");
      return;
    }
    List<JsonNode> answer = query.kind() == ExpectedQuery.Kind.PULL ? pull(query, restUrl, what) : push(query, restUrl, what);
    JsonNode header = answer.isEmpty() ? null : answer.get(0).get("header");
    if (header == null) {
      fail(what + ": the answer does not start with a header: " + answer);
    }
    if (query.header() != null) {
      assertEquals(query.header(), header.path("schema").asText(), what + ": header schema");
    }
    List<String> rows = new ArrayList<>();
    for (JsonNode element : answer.subList(1, answer.size())) {
      if (element.has("row")) {
        rows.add(CanonicalJson.render(element.path("row").path("columns")));
      } else if (element.has("errorMessage")) {
        fail(what + ": the answer holds an error: " + element);
      }
    }
    List<String> expected = query.rows().stream().map(CanonicalJson::render).toList();
    if (query.unordered()) {
      expected = expected.stream().sorted().toList();
      rows = rows.stream().sorted().toList();
    }
    assertEquals(String.join("\n", expected), String.join("\n", rows), what + ": rows");
  }

  private static Map<String, Object> request(ExpectedQuery query) {
    return Map.of("ksql", query.sql(), "streamsProperties", Map.of("auto.offset.reset", "earliest"));
  }

  /**
   * The elements of a pull query's answer. A store can be briefly unavailable while its query
   * (re)balances, so a refusal is retried for a while; a wrong answer is not.
   */
  private static List<JsonNode> pull(ExpectedQuery query, String restUrl, String what) {
    Http.Response response = Poll.forValue(WAIT, () -> {
      Http.Response attempt = Http.postJson(restUrl + "/query", request(query));
      return attempt.status() == 200 ? attempt : null;
    }, what + " to answer with status 200");
    List<JsonNode> elements = new ArrayList<>();
    CanonicalJson.parse(response.body(), what + "'s answer").forEach(elements::add);
    return elements;
  }

  /** The header and the first rows of a push query, read line by line until as many rows as expected came, then closed. */
  private static List<JsonNode> push(ExpectedQuery query, String restUrl, String what) {
    BlockingQueue<JsonNode> elements = new LinkedBlockingQueue<>();
    HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + "/query"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(request(query))))
        .build();
    HttpResponse<Stream<String>> response;
    try {
      response = CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    try (Stream<String> lines = response.body()) {
      if (response.statusCode() != 200) {
        fail(what + ": status " + response.statusCode() + ": " + String.join("\n", lines.toList()));
      }
      Thread reader = new Thread(() -> {
        try {
          lines.forEach(line -> element(line).ifPresent(elements::add));
        } catch (UncheckedIOException closed) {
          // The stream was closed once enough rows had come.
        }
      }, "push-case-reader");
      reader.setDaemon(true);
      reader.start();
      List<JsonNode> answer = new ArrayList<>();
      long rows = 0;
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (rows < query.rows().size() || answer.isEmpty()) {
        JsonNode next = elements.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (next == null) {
          fail(what + ": " + rows + " rows within " + WAIT.toSeconds() + " s, expected " + query.rows().size()
              + "; got " + answer);
        }
        answer.add(next);
        rows += next.has("row") ? 1 : 0;
        if (next.has("finalMessage") || next.has("errorMessage")) {
          break;
        }
      }
      return answer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** One element of ksqlDB's streamed array: a line holds one, between the array's brackets and the commas before or after it. */
  private static Optional<JsonNode> element(String line) {
    String trimmed = line.strip();
    if (trimmed.startsWith("[") || trimmed.startsWith(",")) {
      trimmed = trimmed.substring(1);
    }
    if (trimmed.endsWith("]")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.endsWith(",")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    trimmed = trimmed.strip();
    return trimmed.isEmpty() ? Optional.empty() : Optional.of(CanonicalJson.parse(trimmed, "a line of /query"));
  }

  private static String json(Object value) {
    try {
      return CanonicalJson.MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

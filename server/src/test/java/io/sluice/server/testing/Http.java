package io.sluice.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.rest.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small JSON-over-HTTP client for tests, on {@link HttpClient}. */
public final class Http {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  /** A response with its body as text, readable as JSON. */
  public record Response(int status, String body, String contentType, Map<String, List<String>> headers) {

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    public JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("Response is not JSON (status " + status + "): " + body, e);
      }
    }
  }

  public static Response get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  /** POSTs a JSON body: a String is sent as is, anything else is written with the server's mapper. */
  public static Response postJson(String url, Object body) {
    String json;
    try {
      json = body instanceof String text ? text : Json.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write request body as JSON", e);
    }
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""),
          response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

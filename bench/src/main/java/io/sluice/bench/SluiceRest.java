package io.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Statements sent to a Sluice server's {@code POST /ksql}, as the benchmarks set up their queries. */
public final class SluiceRest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private SluiceRest() {}

  /** Sluice answered with an error: {@link #serverMessage} is its {@code message}, or the whole body. */
  public static final class Rejected extends IllegalStateException {

    private final String serverMessage;

    Rejected(String description, String serverMessage) {
      super(description);
      this.serverMessage = serverMessage;
    }

    public String serverMessage() {
      return serverMessage;
    }
  }

  private static String serverMessage(String body) {
    try {
      String message = JSON.readTree(body).path("message").asText("");
      return message.isEmpty() ? body : message;
    } catch (IOException e) {
      return body;
    }
  }

  /** POSTs statements to {@code restUrl}/ksql and returns the entities, or fails with Sluice's error message. */
  public static JsonNode ksql(String restUrl, String statements) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + "/ksql"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("ksql", statements))))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new Rejected("Sluice rejected " + statements + " (HTTP " + response.statusCode() + "): "
          + response.body(), serverMessage(response.body()));
    }
    return JSON.readTree(response.body());
  }
}

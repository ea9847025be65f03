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

  /** POSTs statements to {@code restUrl}/ksql and returns the entities, or fails with Sluice's error message. */
  public static JsonNode ksql(String restUrl, String statements) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + "/ksql"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("ksql", statements))))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Sluice rejected " + statements + " (HTTP " + response.statusCode() + "): "
          + response.body());
    }
    return JSON.readTree(response.body());
  }
}

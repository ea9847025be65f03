package io.sluice.server.e2e;

import io.sluice.server.rest.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A streaming HTTP/1.1 response read line by line as it comes, for push query tests; closing it
 * drops the connection, as a client that goes away does.
 */
final class StreamingResponse implements AutoCloseable {

  private static final String END = "\u0000end";
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final int status;
  private final InputStream body;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private volatile boolean ended;

  private StreamingResponse(HttpResponse<InputStream> response) {
    this.status = response.statusCode();
    this.body = response.body();
    Thread reader = new Thread(this::read, "streaming-response");
    reader.setDaemon(true);
    reader.start();
  }

  /** POSTs {@code body} as JSON with the given Accept header (null for none) and starts reading the response. */
  static StreamingResponse post(String url, Object body, String accept) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
      if (accept != null) {
        request.header("Accept", accept);
      }
      return new StreamingResponse(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new AssertionError("request to " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private void read() {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    } catch (IOException closed) {
      // the test closed the response
    } finally {
      ended = true;
      lines.add(END);
    }
  }

  int status() {
    return status;
  }

  /** The next non-blank line, or null if none came within {@code timeout} or the response ended. */
  String nextLine(Duration timeout) throws InterruptedException {
    String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (END.equals(line)) {
      lines.add(END);
      return null;
    }
    return line;
  }

  /** True once the server ended the response and every line was read. */
  boolean ended() {
    return ended && (lines.isEmpty() || END.equals(lines.peek()));
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}

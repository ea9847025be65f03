package io.sluice.server.pull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.plan.RowSchema;
import io.sluice.runtime.pull.StoreUnavailableException;
import io.sluice.runtime.serde.JsonText;
import io.sluice.server.rest.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends a pull query to another node of the service ({@code POST /query}, the same SQL and request
 * properties plus the internal ones naming the partitions to read) and reads its rows back as
 * typed values of the query's schema. A host that cannot be reached completes the answer with an
 * {@link UnreachableHostException}; a node that refuses, with a {@link StoreUnavailableException}
 * carrying its message.
 */
final class PullForwarder {

  /** How long a node may take to accept a connection before it counts as unreachable. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  /** How long a forwarded pull query may take in all. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  private final String scheme;

  /** @param scheme {@code http} or {@code https}, as this node's own advertised URL: every node of a service listens alike */
  PullForwarder(String scheme) {
    this.scheme = scheme;
  }

  /** The rows {@code host} reads for {@code partitions}, from its standby copies if {@code standby}. */
  CompletableFuture<PullAnswer> send(HostInfo host, String sql, Map<String, String> properties,
      Set<Integer> partitions, boolean standby, RowSchema schema) {
    Map<String, String> forwarded = new LinkedHashMap<>(properties);
    forwarded.put(PullQueryRouter.PARTITIONS_PROPERTY,
        new TreeSet<>(partitions).stream().map(String::valueOf).collect(Collectors.joining(",")));
    forwarded.put(PullQueryRouter.STANDBY_PROPERTY, String.valueOf(standby));
    String body;
    try {
      body = Json.mapper().writeValueAsString(Map.of("ksql", sql, "streamsProperties", forwarded));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(scheme + "://" + host.host() + ":" + host.port() + "/query"))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle((response, failure) -> {
          if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            throw new UnreachableHostException(host, cause);
          }
          return answer(host, response, schema);
        });
  }

  private static PullAnswer answer(HostInfo host, HttpResponse<String> response, RowSchema schema) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new StoreUnavailableException("node " + host + " answered with unreadable JSON (HTTP "
          + response.statusCode() + ")");
    }
    if (response.statusCode() != 200) {
      throw new StoreUnavailableException("node " + host + " refused: " + json.path("message").asText(response.body()));
    }
    List<Object[]> rows = new ArrayList<>();
    for (JsonNode item : json) {
      if (item.has("errorMessage")) {
        throw new StoreUnavailableException("node " + host + " failed: " + item.path("errorMessage").path("message").asText());
      }
      JsonNode columns = item.path("row").path("columns");
      if (columns.isArray()) {
        rows.add(row(columns, schema));
      }
    }
    boolean standby = response.headers().firstValue(PullQueryRouter.SOURCE_HEADER)
        .map(PullQueryRouter.SOURCE_STANDBY::equals).orElse(false);
    return new PullAnswer(rows, standby);
  }

  /** One row of a forwarded answer as typed values of {@code schema}, from its JSON columns as {@code /query} writes them. */
  static Object[] row(JsonNode columns, RowSchema schema) {
    Object[] row = new Object[schema.size()];
    for (int i = 0; i < row.length; i++) {
      try (JsonParser p = JsonText.MAPPER.treeAsTokens(columns.path(i))) {
        p.nextToken();
        row[i] = JsonText.readValue(p, schema.column(i).type());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return row;
  }

  /** A node that could not be reached: refused the connection, or did not answer in time. */
  static final class UnreachableHostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnreachableHostException(HostInfo host, Throwable cause) {
      super("node " + host.host() + ":" + host.port() + " cannot be reached: " + cause, cause);
    }
  }
}

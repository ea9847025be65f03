package io.sluice.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.SluiceServer;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.engine.EngineSettings;
import io.sluice.server.testing.Directories;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.SharedKafka;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Sluice server for one broker case: on the shared broker, with its own service id, data directory and processing log. */
final class CaseServer implements AutoCloseable, SourceLookup {

  private final SluiceServer server;
  private final Path dataDir;
  private final String serviceId;

  private CaseServer(SluiceServer server, Path dataDir, String serviceId) {
    this.server = server;
    this.dataDir = dataDir;
    this.serviceId = serviceId;
  }

  static CaseServer start(String run) {
    Path dataDir = Directories.createTemp("sluice-conformance-" + run);
    String serviceId = "conformance_" + run;
    SluiceConfig config = SluiceConfig.of(Map.of(
        SluiceConfig.REST_PORT, "0",
        SluiceConfig.BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers(),
        SluiceConfig.SERVICE_ID, serviceId,
        SluiceConfig.DATA_DIR, dataDir.toString()));
    return new CaseServer(SluiceServer.start(config), dataDir, serviceId);
  }

  /** POSTs statements to /ksql. */
  Http.Response ksql(String statements) {
    return Http.postJson(server.restUrl() + "/ksql", Map.of("ksql", statements));
  }

  String restUrl() {
    return server.restUrl();
  }

  String processingLogTopic() {
    return EngineSettings.processingLogTopic(serviceId);
  }

  /** The columns of a source, from DESCRIBE. */
  @Override
  public String columns(String source) {
    JsonNode description = describe(source);
    if (description.isTextual()) {
      return description.asText();
    }
    StringBuilder columns = new StringBuilder();
    for (JsonNode field : description.path("fields")) {
      columns.append(columns.isEmpty() ? "" : ", ")
          .append(field.path("name").asText()).append(' ').append(typeOf(field.path("schema")))
          .append("KEY".equals(field.path("type").asText()) ? " KEY" : "");
    }
    return columns.toString();
  }

  /**
   * A DESCRIBE field schema as SQL spells the type: {@code ARRAY<STRING>}, {@code MAP<STRING, BIGINT>},
   * {@code STRUCT<`A` INTEGER>}.
   */
  private static String typeOf(JsonNode schema) {
    String type = schema.path("type").asText();
    return switch (type) {
      case "ARRAY" -> "ARRAY<" + typeOf(schema.path("memberSchema")) + ">";
      case "MAP" -> "MAP<STRING, " + typeOf(schema.path("memberSchema")) + ">";
      case "STRUCT" -> {
        List<String> fields = new ArrayList<>();
        schema.path("fields").forEach(f -> fields.add("`" + f.path("name").asText() + "` " + typeOf(f.path("schema"))));
        yield "STRUCT<" + String.join(", ", fields) + ">";
      }
      default -> type;
    };
  }

  /** The formats of a source, from DESCRIBE. */
  @Override
  public String formats(String source) {
    JsonNode description = describe(source);
    return description.isTextual() ? description.asText()
        : SourceLookup.formats(description.path("keyFormat").asText(), description.path("valueFormat").asText());
  }

  /** DESCRIBE's sourceDescription, or a text saying why there is none. */
  private JsonNode describe(String source) {
    Http.Response response = ksql("DESCRIBE " + source + ";");
    if (response.status() != 200) {
      return CanonicalJson.MAPPER.getNodeFactory().textNode("<DESCRIBE " + source + " failed: " + response.body() + ">");
    }
    return response.json().path(0).path("sourceDescription");
  }

  @Override
  public void close() {
    server.close();
    Directories.deleteRecursively(dataDir);
  }
}

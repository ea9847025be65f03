package io.sluice.bench.nexmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one load put into Kafka, written as a small JSON file: enough for a later run to check it
 * reads the data it expects (count, seed, rate, layout, partitions) and to size its work.
 */
record LoadManifest(
    LoadOptions options, String bootstrap, Map<String, Long> recordsPerTopic, long keyBytes, long valueBytes,
    long firstEventTime, long lastEventTime, double loadSeconds) {

  Map<String, Object> json() {
    NexmarkJson times = new NexmarkJson();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("suite", "nexmark-load");
    json.put("finished", Instant.now().toString());
    json.put("events", options.events());
    json.put("seed", options.seed());
    json.put("eventsPerSecond", options.eventsPerSecond());
    json.put("layout", options.layout().flagName());
    json.put("topic", options.topic());
    json.put("recordsPerTopic", recordsPerTopic);
    json.put("partitions", options.partitions());
    json.put("key", "KAFKA BIGINT (8 bytes, big-endian): person.id, auction.id, bid.auction");
    json.put("keyBytes", keyBytes);
    json.put("valueBytes", valueBytes);
    json.put("firstEventTime", times.dateTime(firstEventTime));
    json.put("lastEventTime", times.dateTime(lastEventTime));
    json.put("firstEventTimeMillis", firstEventTime);
    json.put("lastEventTimeMillis", lastEventTime);
    json.put("compression", options.compression());
    json.put("loadSeconds", loadSeconds);
    json.put("eventsLoadedPerSecond", options.events() / loadSeconds);
    json.put("bootstrap", bootstrap);
    json.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    json.put("javaVersion", System.getProperty("java.version"));
    return json;
  }

  void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
  }
}

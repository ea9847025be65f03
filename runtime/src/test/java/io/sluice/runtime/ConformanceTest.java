package io.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sluice.plan.Column;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.SerdeFormat;
import java.io.IOException;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.plan.node.PlanNodes;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.DoubleDeserializer;
import org.apache.kafka.common.serialization.DoubleSerializer;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case under {@code src/test/resources/conformance/} (see {@link ConformanceCase}) on
 * {@link TopologyTestDriver}: builds the plan, pipes the inputs, and compares the sink topic and the
 * processing log with what the case expects.
 */
class ConformanceTest {

  static final String PROCESSING_LOG = "sluice_processing_log";
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  /** Reads numbers exactly, so that 1.50 and 1.5 differ and DECIMAL scales are checked. */
  static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  @TestFactory
  List<DynamicTest> everyConformanceCaseBehavesAsSpecified() throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getResource("/conformance").toURI());
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir).sorted()) {
      for (Path file : files.toList()) {
        for (JsonNode spec : JSON.readTree(file.toFile())) {
          ConformanceCase c = new ConformanceCase(file.getFileName().toString(), spec);
          tests.add(DynamicTest.dynamicTest(c.name(), () -> run(c)));
        }
      }
    }
    return tests;
  }

  private static void run(ConformanceCase c) throws IOException {
    RuntimeOptions options = new RuntimeOptions(PROCESSING_LOG, Clock.fixed(NOW, ZoneOffset.UTC));
    if (c.buildError() != null) {
      UnsupportedPlanException e =
          assertThrows(UnsupportedPlanException.class, () -> QueryTopologyBuilder.build(c.plan(), options));
      assertTrue(e.getMessage().contains(c.buildError()), e.getMessage());
      return;
    }
    PhysicalPlan plan = c.plan();
    BuiltQuery query = QueryTopologyBuilder.build(plan, options);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "conformance");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    // Every update of a group is written, as on a server, so outputs are exact.
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
    props.put(StreamsConfig.STATE_DIR_CONFIG, TestDirs.fresh("conformance").toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(query.topology(), props)) {
      TestInputTopic<byte[], byte[]> input =
          driver.createInputTopic(c.sourceTopic(), new ByteArraySerializer(), new ByteArraySerializer());
      for (JsonNode record : c.inputs()) {
        input.pipeInput(new TestRecord<>(inputKey(c, record), inputValue(record), null,
            record.path("timestamp").asLong(0)));
      }
      List<TestRecord<byte[], byte[]>> written = read(driver, c.sinkTopic());
      List<TestRecord<byte[], byte[]>> logged = read(driver, PROCESSING_LOG);
      checkProcessingLog(c, logged);
      checkOutputs(c, plan, written);
    }
    JsonNode stats = c.stats();
    if (stats.isObject()) {
      assertEquals(stats.path("in").asLong(), query.stats().recordsIn(), "records in");
      assertEquals(stats.path("out").asLong(), query.stats().recordsOut(), "records out");
      assertEquals(stats.path("errors").asLong(), query.stats().errors(), "errors");
      if (stats.has("rowsOut")) {
        Map<String, Long> expected = new TreeMap<>();
        stats.get("rowsOut").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));
        assertEquals(expected, query.stats().rowsOutByNode(), "rows each plan node passed on");
      }
    }
  }

  private static void checkOutputs(ConformanceCase c, PhysicalPlan plan, List<TestRecord<byte[], byte[]>> written)
      throws IOException {
    List<JsonNode> expected = c.outputs();
    List<String> actual = new ArrayList<>();
    WindowSpec window = PlanNodes.window(plan.root());
    for (TestRecord<byte[], byte[]> record : written) {
      byte[] key = record.key();
      String windowText = "";
      if (window != null && key != null) {
        ByteBuffer bytes = ByteBuffer.wrap(key);
        if (window.type() == WindowType.SESSION) {
          long end = bytes.getLong(key.length - 16);
          windowText = " window=[" + bytes.getLong(key.length - 8) + "," + end + "]";
          key = Arrays.copyOf(key, key.length - 16);
        } else {
          windowText = " window=[" + bytes.getLong(key.length - 8) + "]";
          key = Arrays.copyOf(key, key.length - 8);
        }
      }
      actual.add(describe(
          decode(key, plan.root().schema().keyColumns(), plan.root().formats().keyFormat(), true),
          decode(record.value(), plan.root().schema().valueColumns(), plan.root().formats().valueFormat(), false),
          record.timestamp()) + windowText);
    }
    List<String> wanted = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      JsonNode e = expected.get(i);
      Long timestamp = null;
      if (e.has("timestamp")) {
        timestamp = e.get("timestamp").asLong();
      } else if (i < written.size()) {
        timestamp = written.get(i).timestamp();
      }
      String windowText = "";
      if (e.has("window")) {
        List<String> bounds = new ArrayList<>();
        e.get("window").forEach(b -> bounds.add(b.asText()));
        windowText = " window=[" + String.join(",", bounds) + "]";
      }
      wanted.add(describe(canonical(ConformanceCase.orNull(e.get("key"))),
          canonical(ConformanceCase.orNull(e.get("value"))), timestamp) + windowText);
    }
    assertEquals(String.join("\n", wanted), String.join("\n", actual), "records on " + c.sinkTopic());
  }

  private static void checkProcessingLog(ConformanceCase c, List<TestRecord<byte[], byte[]>> logged) throws IOException {
    List<JsonNode> expected = c.processingLog();
    List<String> actual = new ArrayList<>();
    for (TestRecord<byte[], byte[]> record : logged) {
      actual.add(JSON.readTree(record.value()).toPrettyString());
    }
    assertEquals(expected.size(), logged.size(), () -> "processing log records:\n" + String.join("\n", actual));
    for (int i = 0; i < expected.size(); i++) {
      JsonNode got = JSON.readTree(logged.get(i).value());
      for (Map.Entry<String, JsonNode> field : expected.get(i).properties()) {
        if (field.getKey().equals("reasonContains")) {
          String reason = got.path("reason").asText();
          assertTrue(reason.contains(field.getValue().asText()), "reason of processing log record " + i + ": " + reason);
          continue;
        }
        assertEquals(canonical(field.getValue()), canonical(got.path(field.getKey())),
            "processing log record " + i + " field " + field.getKey() + ":\n" + actual.get(i));
      }
      assertEquals(NOW.toEpochMilli(), got.path("time").asLong(), "time of processing log record " + i);
      assertEquals("CSAS_OUTPUT_1", got.path("queryId").asText());
    }
  }

  private static String describe(JsonNode key, JsonNode value, Long timestamp) {
    return "key=" + key + " value=" + value + (timestamp == null ? "" : " @" + timestamp);
  }

  private static List<TestRecord<byte[], byte[]>> read(TopologyTestDriver driver, String topic) {
    TestOutputTopic<byte[], byte[]> out =
        driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    return out.readRecordsToList();
  }

  private static byte[] inputKey(ConformanceCase c, JsonNode record) throws IOException {
    if (record.has("rawKey")) {
      return record.get("rawKey").asText().getBytes(StandardCharsets.UTF_8);
    }
    if (record.has("rawKeyBase64")) {
      return Base64.getDecoder().decode(record.get("rawKeyBase64").asText());
    }
    JsonNode key = record.path("key");
    if (key.isMissingNode() || key.isNull()) {
      return null;
    }
    if (c.sourceKeyFormat() != SerdeFormat.KAFKA) {
      return JSON.writeValueAsBytes(key);
    }
    Column column = c.sourceKeyColumns().get(0);
    return switch (column.type().name()) {
      case INTEGER -> new IntegerSerializer().serialize("", key.intValue());
      case BIGINT -> new LongSerializer().serialize("", key.longValue());
      case DOUBLE -> new DoubleSerializer().serialize("", key.doubleValue());
      case BYTES -> Base64.getDecoder().decode(key.asText());
      default -> key.asText().getBytes(StandardCharsets.UTF_8);
    };
  }

  private static byte[] inputValue(JsonNode record) throws IOException {
    if (record.has("rawValue")) {
      return record.get("rawValue").asText().getBytes(StandardCharsets.UTF_8);
    }
    if (record.has("rawValueBase64")) {
      return Base64.getDecoder().decode(record.get("rawValueBase64").asText());
    }
    JsonNode value = record.path("value");
    return value.isMissingNode() || value.isNull() ? null : JSON.writeValueAsBytes(value);
  }

  /** The JSON form of written key or value bytes: parsed JSON, or a KAFKA column as a JSON scalar. */
  private static JsonNode decode(byte[] bytes, List<Column> columns, SerdeFormat format, boolean key) throws IOException {
    if (bytes == null) {
      return NullNode.getInstance();
    }
    if (format != SerdeFormat.KAFKA) {
      return canonical(JSON.readTree(bytes));
    }
    JsonNodeFactory f = JSON.getNodeFactory();
    JsonNode node = switch (columns.get(0).type().name()) {
      case INTEGER -> f.numberNode(new IntegerDeserializer().deserialize("", bytes));
      case BIGINT -> f.numberNode(new LongDeserializer().deserialize("", bytes));
      case DOUBLE -> f.numberNode(new DoubleDeserializer().deserialize("", bytes));
      case BYTES -> new TextNode(Base64.getEncoder().encodeToString(bytes));
      default -> new TextNode(new String(bytes, StandardCharsets.UTF_8));
    };
    return canonical(node);
  }

  /** Re-reads a node from its text, so that equal JSON compares equal whatever node classes made it. */
  private static JsonNode canonical(JsonNode node) throws IOException {
    return JSON.readTree(JSON.writeValueAsString(node));
  }
}

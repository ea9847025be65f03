package io.sluice.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.plan.SourceDescriptor;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.query.StreamsProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Runs a planned case on {@link TopologyTestDriver}: one driver per query, each query after the
 * queries that write a topic it reads. Topics live in memory, so a query's output is the next
 * query's input. The driver has one partition per topic, and a query that reads several topics
 * gets their records in timestamp order, each topic's in its own order (as Kafka Streams picks
 * the partition whose next record is oldest).
 */
final class DriverRun {

  static final String PROCESSING_LOG = "sluice_processing_log";
  private static final String BOOTSTRAP = "conformance.invalid:9092";

  private final SluiceConfig config;
  private final Map<String, List<TopicRecord>> topics = new LinkedHashMap<>();
  private final List<JsonNode> log = new ArrayList<>();

  private DriverRun(Path dataDir) {
    this.config = SluiceConfig.of(Map.of(SluiceConfig.DATA_DIR, dataDir.toString()));
  }

  /** Produces the inputs, runs every query, and returns the records of every topic and the processing log. */
  static Observed run(PlannedScript script, List<InputRecord> inputs, Path dataDir) {
    DriverRun run = new DriverRun(dataDir);
    for (InputRecord input : inputs) {
      SourceDescriptor source = script.sourceOver(input.topic()).orElseThrow(() -> new IllegalArgumentException(
          "the case produces to topic " + input.topic() + ", which no source reads"));
      run.append(input.topic(), RecordBytes.key(input, source.schema(), source.formats()),
          RecordBytes.value(input), input.timestamp());
    }
    for (ScriptQuery query : inDependencyOrder(script.queries())) {
      run.runQuery(query);
    }
    return new Observed(run.topics, run.log, Set.of(), false, new CatalogLookup(script));
  }

  private void runQuery(ScriptQuery query) {
    Properties properties = StreamsProperties.forQuery(config, BOOTSTRAP, query.id(), Map.of());
    try (TopologyTestDriver driver = new TopologyTestDriver(query.built().topology(), properties)) {
      Map<String, TestInputTopic<byte[], byte[]>> inputs = new LinkedHashMap<>();
      Map<String, List<TopicRecord>> pending = new LinkedHashMap<>();
      for (String topic : query.sourceTopics()) {
        inputs.put(topic, driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer()));
        pending.put(topic, new ArrayList<>(topics.getOrDefault(topic, List.of())));
      }
      for (String topic = oldestHead(pending); topic != null; topic = oldestHead(pending)) {
        TopicRecord record = pending.get(topic).remove(0);
        inputs.get(topic).pipeInput(new TestRecord<>(record.key(), record.value(), null, record.timestamp()));
      }
      String sinkTopic = query.sink().topic();
      for (TestRecord<byte[], byte[]> record : readAll(driver, sinkTopic)) {
        append(sinkTopic, record.key(), record.value(), record.timestamp());
      }
      for (TestRecord<byte[], byte[]> entry : readAll(driver, PROCESSING_LOG)) {
        log.add(CanonicalJson.parse(new String(entry.value(), StandardCharsets.UTF_8), "a processing-log entry"));
      }
    }
  }

  /**
   * The topic whose next record has the smallest timestamp (the first such topic on a tie), or null
   * when all are drained: Kafka Streams picks a task's next record this way among its partitions.
   */
  private static String oldestHead(Map<String, List<TopicRecord>> pending) {
    String oldest = null;
    long oldestTime = Long.MAX_VALUE;
    for (Map.Entry<String, List<TopicRecord>> topic : pending.entrySet()) {
      if (!topic.getValue().isEmpty() && topic.getValue().get(0).timestamp() < oldestTime) {
        oldest = topic.getKey();
        oldestTime = topic.getValue().get(0).timestamp();
      }
    }
    return oldest;
  }

  private void append(String topic, byte[] key, byte[] value, long timestamp) {
    topics.computeIfAbsent(topic, t -> new ArrayList<>()).add(new TopicRecord(0, key, value, timestamp));
  }

  private static List<TestRecord<byte[], byte[]>> readAll(TopologyTestDriver driver, String topic) {
    return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
        .readRecordsToList();
  }

  /** The queries in statement order, except that a query runs after every query writing a topic it reads. */
  private static List<ScriptQuery> inDependencyOrder(List<ScriptQuery> queries) {
    List<ScriptQuery> pending = new ArrayList<>(queries);
    List<ScriptQuery> ordered = new ArrayList<>();
    while (!pending.isEmpty()) {
      Set<String> stillWritten = new HashSet<>();
      pending.forEach(q -> stillWritten.add(q.sink().topic()));
      ScriptQuery next = pending.stream()
          .filter(q -> q.sourceTopics().stream().noneMatch(stillWritten::contains))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException(
              "the case's queries read each other's topics in a cycle; the driver cannot order them"));
      pending.remove(next);
      ordered.add(next);
    }
    return ordered;
  }
}

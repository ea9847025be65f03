package io.sluice.bench.nexmark.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The records of an output topic as a multiset of (key bytes, parsed JSON value): what two sides
 * of a query must agree on, whatever order or partition they wrote them in. Each record is kept as
 * canonical text: the key in hex ({@code null} for none), then the value with object fields
 * sorted and numbers by value ({@code 17}, {@code 17.0} and {@code 1.7E1} are one number).
 */
final class OutputMultiset {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_EXAMPLES = 5;

  private final Map<String, Integer> counts = new HashMap<>();
  private long records;

  void add(byte[] key, byte[] value) {
    counts.merge(canonical(key, value), 1, Integer::sum);
    records++;
  }

  long records() {
    return records;
  }

  /** Every record of {@code topic}, read from the start to the end offsets (committed records only). */
  static OutputMultiset read(String bootstrap, String topic) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    OutputMultiset multiset = new OutputMultiset();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          multiset.add(record.key(), record.value());
        }
      }
    }
    return multiset;
  }

  /**
   * How two outputs differ.
   *
   * @param sqlRecords records the SQL side wrote
   * @param twinRecords records the hand-written side wrote
   * @param onlySql records (counting repeats) the SQL side wrote more often than the twin
   * @param onlyTwin records the twin wrote more often than the SQL side
   * @param examples the first few differences, described
   */
  record Comparison(long sqlRecords, long twinRecords, long onlySql, long onlyTwin, List<String> examples) {

    boolean equal() {
      return onlySql == 0 && onlyTwin == 0;
    }
  }

  static Comparison compare(OutputMultiset sql, OutputMultiset twin) {
    long onlySql = 0;
    long onlyTwin = 0;
    List<String> examples = new ArrayList<>();
    // Sorted, so that the examples are the same from run to run.
    for (Map.Entry<String, Integer> entry : new TreeMap<>(sql.counts).entrySet()) {
      int extra = entry.getValue() - twin.counts.getOrDefault(entry.getKey(), 0);
      if (extra > 0) {
        onlySql += extra;
        example(examples, "only in SQL (" + extra + "x): " + entry.getKey());
      }
    }
    for (Map.Entry<String, Integer> entry : new TreeMap<>(twin.counts).entrySet()) {
      int extra = entry.getValue() - sql.counts.getOrDefault(entry.getKey(), 0);
      if (extra > 0) {
        onlyTwin += extra;
        example(examples, "only hand-written (" + extra + "x): " + entry.getKey());
      }
    }
    return new Comparison(sql.records, twin.records, onlySql, onlyTwin, List.copyOf(examples));
  }

  private static void example(List<String> examples, String text) {
    if (examples.size() < 2 * MAX_EXAMPLES) {
      examples.add(text.length() > 400 ? text.substring(0, 400) + "..." : text);
    }
  }

  static String canonical(byte[] key, byte[] value) {
    StringBuilder text = new StringBuilder(key == null ? "null" : HexFormat.of().formatHex(key)).append(' ');
    if (value == null) {
      return text.append("null").toString();
    }
    try {
      canonical(JSON.readTree(value), text);
    } catch (IOException e) {
      text.append("bytes:").append(Base64.getEncoder().encodeToString(value));
    }
    return text.toString();
  }

  private static void canonical(JsonNode node, StringBuilder text) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        fields.put(field.getKey(), field.getValue());
      }
      text.append('{');
      String separator = "";
      for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
        text.append(separator).append(JSON.getNodeFactory().textNode(field.getKey())).append(':');
        canonical(field.getValue(), text);
        separator = ",";
      }
      text.append('}');
    } else if (node.isArray()) {
      text.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          text.append(',');
        }
        canonical(node.get(i), text);
      }
      text.append(']');
    } else if (node.isNumber()) {
      BigDecimal number = node.decimalValue();
      text.append(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
    } else {
      text.append(node);
    }
  }
}

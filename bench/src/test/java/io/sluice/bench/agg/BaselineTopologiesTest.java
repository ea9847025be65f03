package io.sluice.bench.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The hand-written baselines compute what the benchmark's SQL asks for, or the comparison means nothing. */
class BaselineTopologiesTest {

  private static final Instant MINUTE = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void windowedCountAndSumEndsWithTheCountAndSumPerUserAndMinuteDroppingOnlyRowsPastTheGrace() {
    try (TopologyTestDriver driver = driver(BaselineTopologies.windowedCountAndSum("in", "out"))) {
      TestInputTopic<Long, byte[]> in = driver.createInputTopic("in", new LongSerializer(), new ByteArraySerializer());
      pipe(in, 1, 10, MINUTE.plusSeconds(1));
      pipe(in, 2, 5, MINUTE.plusSeconds(2));
      pipe(in, 1, 7, MINUTE.plusSeconds(59));
      pipe(in, 1, 3, MINUTE.plusSeconds(65));
      pipe(in, 1, 100, MINUTE.plusSeconds(30)); // late, but window [0, 60 s) closes only at 70 s
      pipe(in, 2, 1, MINUTE.plusSeconds(125));
      pipe(in, 2, 1000, MINUTE.plusSeconds(50)); // past the grace: dropped

      assertEquals(
          Map.of(
              "user 1 window 2024-01-01T00:00:00Z", "{\"N\":3,\"TOTAL\":117}",
              "user 2 window 2024-01-01T00:00:00Z", "{\"N\":1,\"TOTAL\":5}",
              "user 1 window 2024-01-01T00:01:00Z", "{\"N\":1,\"TOTAL\":3}",
              "user 2 window 2024-01-01T00:02:00Z", "{\"N\":1,\"TOTAL\":1}"),
          lastValues(driver.createOutputTopic("out", new ByteArrayDeserializer(), new ByteArrayDeserializer())));
    }
  }

  @Test
  void filterAndProjectKeepsPositiveAmountsUnderTheSameKeyWithOnlyTheAmount() {
    try (TopologyTestDriver driver = driver(BaselineTopologies.filterAndProject("in", "out"))) {
      TestInputTopic<Long, byte[]> in = driver.createInputTopic("in", new LongSerializer(), new ByteArraySerializer());
      pipe(in, 1, 10, MINUTE);
      pipe(in, 2, 0, MINUTE);
      pipe(in, 3, -4, MINUTE);
      pipe(in, 4, 2, MINUTE);
      TestOutputTopic<Long, byte[]> out = driver.createOutputTopic("out", new LongDeserializer(), new ByteArrayDeserializer());

      List<String> written = out.readRecordsToList().stream()
          .map(record -> record.key() + " " + new String(record.value(), StandardCharsets.US_ASCII))
          .toList();
      assertEquals(List.of("1 {\"AMOUNT\":10}", "4 {\"AMOUNT\":2}"), written);
    }
  }

  private static TopologyTestDriver driver(Topology topology) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "baseline-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return new TopologyTestDriver(topology, config);
  }

  private static void pipe(TestInputTopic<Long, byte[]> in, long user, long amount, Instant time) {
    String json = "{\"USERID\":" + user + ",\"AMOUNT\":" + amount + ",\"TS\":" + time.toEpochMilli() + "}";
    in.pipeInput(new TestRecord<>(user, json.getBytes(StandardCharsets.US_ASCII), time));
  }

  private static Map<String, String> lastValues(TestOutputTopic<byte[], byte[]> out) {
    Map<String, String> last = new LinkedHashMap<>();
    for (TestRecord<byte[], byte[]> record : out.readRecordsToList()) {
      last.put(OutputSample.describe(record.key()), new String(record.value(), StandardCharsets.US_ASCII));
    }
    return last;
  }
}

package io.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.plan.PhysicalPlan;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * A source whose WHERE keeps most records stops reading its condition's column alone after a
 * trial, and reads every value whole (so a malformed one is reported) until it tries again; one
 * whose WHERE drops most records goes on dropping them unread. Data-driven cases of what it drops
 * are in {@code conformance/09-source-gate.json}.
 */
class SourceGateTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROCESSING_LOG = "processing_log";

  @Test
  void aSourceWhoseRecordsMostlyPassReadsEveryValueWholeAfterItsTrial() throws Exception {
    assertEquals(1, errorsAfter(2, 1_500, 1, 0), "a malformed record the WHERE drops, read whole and reported");
  }

  @Test
  void aSourceWhoseRecordsMostlyFailKeepsDroppingThemUnread() throws Exception {
    assertEquals(0, errorsAfter(1, 1_500, 1, 0), "a malformed record the WHERE drops, dropped unread");
  }

  @Test
  void aRestingGateTriesAgainAndDropsUnreadOnceTheRecordsChange() throws Exception {
    // The gate's trial is 1,000 records, judged on the next; a gate that mostly let records through
    // rests for 100,000 records.
    assertEquals(1, errorsAfter(2, 1_001, 1, 99_999), "a malformed record the WHERE drops, while resting");
    assertEquals(0, errorsAfter(2, 1_001, 1, 100_000), "a malformed record the WHERE drops, once trying again");
  }

  /**
   * The processing log entries after {@code first} records of {@code firstType} (2 passes the
   * WHERE), {@code then} records of {@code thenType}, then one of type 1, which the WHERE drops,
   * malformed after its type.
   */
  private static int errorsAfter(int firstType, int first, int thenType, int then) throws Exception {
    PhysicalPlan plan = new ConformanceCase("gate", JSON.readTree("""
        {"source": {"columns": ["ID BIGINT KEY", "EVENT_TYPE INTEGER", "PRICE BIGINT"]},
         "steps": [{"filter": "(EQUALS $EVENT_TYPE 2)"},
                   {"project": ["KEY ID = $ID", "PRICE = $PRICE"]}]}""")).plan();
    BuiltQuery query = QueryTopologyBuilder.build(plan, new RuntimeOptions(PROCESSING_LOG));
    try (TopologyTestDriver driver = new TopologyTestDriver(query.topology(),
        TestDrivers.props("source-gate-test", TestDirs.fresh("source-gate")))) {
      TestInputTopic<byte[], byte[]> input =
          driver.createInputTopic("input", new ByteArraySerializer(), new ByteArraySerializer());
      byte[] key = ByteBuffer.allocate(Long.BYTES).putLong(1).array();
      for (int i = 0; i < first + then; i++) {
        String value = "{\"EVENT_TYPE\": " + (i < first ? firstType : thenType) + ", \"PRICE\": " + i + "}";
        input.pipeInput(key, value.getBytes(StandardCharsets.UTF_8));
      }
      input.pipeInput(key, "{\"EVENT_TYPE\": 1, \"PRICE\": 1x}".getBytes(StandardCharsets.UTF_8));
      return driver.createOutputTopic(PROCESSING_LOG, new ByteArrayDeserializer(), new ByteArrayDeserializer())
          .readRecordsToList().size();
    }
  }
}

package io.sluice.runtime.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.runtime.QueryStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

/** The processing log record a step forwards for a bad record. */
class ProcessingLoggerTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void aBadRecordIsForwardedToTheStepsProcessingLogSinkAndCounted() throws IOException {
    QueryStats stats = new QueryStats();
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    context.setRecordMetadata("orders", 3, 17L);
    logger(stats).log(context, ErrorType.DESERIALIZATION_ERROR, "field X: bad", 5L, "k".getBytes(StandardCharsets.UTF_8), null);

    MockProcessorContext.CapturedForward<?, ?> forward = context.forwarded().get(0);
    assertEquals("project-processing-log", forward.childName().orElseThrow());
    assertEquals(NOW.toEpochMilli(), forward.record().timestamp());
    JsonNode report = new ObjectMapper().readTree((byte[]) forward.record().value());
    assertEquals("Q1", report.get("queryId").asText());
    assertEquals("orders", report.get("topic").asText());
    assertEquals(3, report.get("partition").asInt());
    assertEquals(17, report.get("offset").asLong());
    assertTrue(report.get("value").isNull());
    assertEquals(1, stats.errors());
    assertEquals("field X: bad", stats.lastError());
    assertEquals(NOW, stats.lastErrorTime());
  }

  @Test
  void longKeysAndValuesAreCutToFourKilobytes() throws IOException {
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    byte[] text = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
    byte[] binary = new byte[5000];
    Arrays.fill(binary, (byte) 0xff);
    logger(new QueryStats()).log(context, ErrorType.DESERIALIZATION_ERROR, "bad", 1L, binary, text);

    JsonNode report = new ObjectMapper().readTree((byte[]) context.forwarded().get(0).record().value());
    assertEquals(4096, report.get("value").asText().length());
    assertEquals("utf8", report.get("valueEncoding").asText());
    assertEquals(4096, report.get("key").asText().length());
    assertEquals("base64", report.get("keyEncoding").asText());
    assertTrue(report.get("truncated").asBoolean());
  }

  private static ProcessingLogger logger(QueryStats stats) {
    return new ProcessingLogger("Q1", "project", stats, Clock.fixed(NOW, ZoneOffset.UTC));
  }
}

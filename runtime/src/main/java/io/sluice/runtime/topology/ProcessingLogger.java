package io.sluice.runtime.topology;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.serde.JsonText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Reports bad records of one plan step to the processing log: it forwards a JSON record to the
 * step's processing log sink node, so the report commits in the same transaction as the step's
 * output, and counts it in the query's stats. The record format is described in
 * docs/processing-log.md.
 */
final class ProcessingLogger {

  /** How many bytes of a bad key or value the report keeps. */
  static final int MAX_BYTES = 4096;

  private final String queryId;
  private final String nodeId;
  private final String sinkName;
  private final QueryStats stats;
  private final Clock clock;

  ProcessingLogger(String queryId, String nodeId, QueryStats stats, Clock clock) {
    this(queryId, nodeId, NodeNames.processingLog(nodeId), stats, clock);
  }

  /** A logger for a step whose processing log sink has its own name, as when one step spans two subtopologies. */
  ProcessingLogger(String queryId, String nodeId, String sinkName, QueryStats stats, Clock clock) {
    this.queryId = queryId;
    this.nodeId = nodeId;
    this.sinkName = sinkName;
    this.stats = stats;
    this.clock = clock;
  }

  /** Reports the record now being processed, whose bytes the source of this thread saw. */
  void log(ProcessorContext<?, ?> context, ErrorType type, String reason, Long recordTimestamp) {
    CurrentInput input = CurrentInput.get();
    log(context, type, reason, recordTimestamp, input.key(), input.value());
  }

  /**
   * Reports a bad record.
   *
   * @param recordTimestamp the record's timestamp, or null when it is not known
   */
  void log(ProcessorContext<?, ?> context, ErrorType type, String reason, Long recordTimestamp,
      byte[] key, byte[] value) {
    Instant now = clock.instant();
    stats.error(now, reason);
    byte[] report = render(context.recordMetadata(), type, reason, recordTimestamp, now, key, value);
    forward(context, new Record<byte[], byte[]>(null, report, now.toEpochMilli()));
  }

  /** Reports {@code record}, now being processed by a fixed-key step, with the bytes the source of this thread saw. */
  void log(FixedKeyProcessorContext<?, ?> context, FixedKeyRecord<?, ?> record, ErrorType type, String reason,
      Long recordTimestamp) {
    CurrentInput input = CurrentInput.get();
    log(context, record, type, reason, recordTimestamp, input.key(), input.value());
  }

  /**
   * Reports a bad record from a fixed-key step. Such a step can only forward records derived from
   * its input, so the report keeps the input's key; the processing log sink's key serializer drops it.
   */
  @SuppressWarnings("unchecked")
  void log(FixedKeyProcessorContext<?, ?> context, FixedKeyRecord<?, ?> record, ErrorType type, String reason,
      Long recordTimestamp, byte[] key, byte[] value) {
    Instant now = clock.instant();
    stats.error(now, reason);
    byte[] report = render(context.recordMetadata(), type, reason, recordTimestamp, now, key, value);
    ((FixedKeyProcessorContext<Object, Object>) context).forward(
        ((FixedKeyRecord<Object, Object>) record).withValue((Object) report)
            .withTimestamp(now.toEpochMilli()).withHeaders(new RecordHeaders()),
        sinkName);
  }

  /**
   * The processing log sink is a child of every processor that reports, whatever that processor's
   * own output types are; its record type is fixed by the sink's byte array serializers.
   */
  @SuppressWarnings("unchecked")
  private void forward(ProcessorContext<?, ?> context, Record<byte[], byte[]> report) {
    ((ProcessorContext<byte[], byte[]>) context).forward(report, sinkName);
  }

  private byte[] render(Optional<RecordMetadata> metadata, ErrorType type, String reason,
      Long recordTimestamp, Instant now, byte[] key, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JsonText.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("queryId", queryId);
      g.writeStringField("nodeId", nodeId);
      g.writeStringField("type", type.name());
      g.writeStringField("reason", reason);
      g.writeStringField("topic", metadata.map(RecordMetadata::topic).orElse(null));
      writeNumber(g, "partition", metadata.map(m -> (long) m.partition()).orElse(null));
      writeNumber(g, "offset", metadata.map(RecordMetadata::offset).orElse(null));
      writeNumber(g, "recordTimestamp", recordTimestamp);
      g.writeNumberField("time", now.toEpochMilli());
      boolean truncated = writeBytes(g, "key", key);
      truncated |= writeBytes(g, "value", value);
      g.writeBooleanField("truncated", truncated);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeNumber(JsonGenerator g, String field, Long value) throws IOException {
    g.writeFieldName(field);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  /**
   * Writes {@code field} as text when the bytes are UTF-8 without control characters (other than
   * tab and line breaks) and as base64 otherwise, so that binary keys such as a KAFKA-format BIGINT
   * stay readable; {@code <field>Encoding} says which. Returns whether the bytes had to be cut.
   */
  private static boolean writeBytes(JsonGenerator g, String field, byte[] bytes) throws IOException {
    if (bytes == null) {
      g.writeNullField(field);
      g.writeNullField(field + "Encoding");
      return false;
    }
    String text = text(bytes);
    if (text != null) {
      boolean cut = text.length() > MAX_BYTES;
      int end = cut && Character.isHighSurrogate(text.charAt(MAX_BYTES - 1)) ? MAX_BYTES - 1 : MAX_BYTES;
      g.writeStringField(field, cut ? text.substring(0, end) : text);
      g.writeStringField(field + "Encoding", "utf8");
      return cut;
    }
    int kept = Math.min(bytes.length, MAX_BYTES / 4 * 3);
    g.writeStringField(field, Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, kept)));
    g.writeStringField(field + "Encoding", "base64");
    return kept < bytes.length;
  }

  /** The bytes as text, or null if they are not UTF-8 or look binary. */
  private static String text(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return null;
      }
    }
    return text;
  }
}

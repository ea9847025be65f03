package io.sluice.server.print;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Formats topic records as PRINT shows them, guessing each key and value format from its bytes:
 * {@code rowtime: 2024/01/31 13:45:00.250 Z, key: 42, value: {"A":1}, partition: 0}.
 */
public final class RecordPrinter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ROWTIME =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS 'Z'").withZone(ZoneOffset.UTC);

  private String keyFormat;
  private String valueFormat;

  /** The header lines naming the formats seen in {@code first}; ksqlDB prints these once. */
  public String header(ConsumerRecord<byte[], byte[]> first) {
    keyFormat = first.key() == null ? "KAFKA_STRING" : guess(first.key(), true);
    valueFormat = first.value() == null ? "KAFKA_STRING" : guess(first.value(), false);
    return "Key format: " + keyFormat + "\nValue format: " + valueFormat + "\n";
  }

  public String line(ConsumerRecord<byte[], byte[]> record) {
    return "rowtime: " + ROWTIME.format(Instant.ofEpochMilli(record.timestamp()))
        + ", key: " + render(record.key(), true)
        + ", value: " + render(record.value(), false)
        + ", partition: " + record.partition() + "\n";
  }

  private static String render(byte[] bytes, boolean key) {
    if (bytes == null) {
      return "<null>";
    }
    String text = utf8(bytes);
    if (text == null || (key && looksBinaryNumber(bytes, text))) {
      return switch (bytes.length) {
        case 4 -> String.valueOf(ByteBuffer.wrap(bytes).getInt());
        case 8 -> String.valueOf(ByteBuffer.wrap(bytes).getLong());
        default -> "0x" + hex(bytes);
      };
    }
    return text;
  }

  private static String guess(byte[] bytes, boolean key) {
    String text = utf8(bytes);
    if (text == null || (key && looksBinaryNumber(bytes, text))) {
      return bytes.length == 4 ? "KAFKA_INT" : bytes.length == 8 ? "KAFKA_BIGINT" : "KAFKA_BYTES";
    }
    try {
      JSON.readTree(text);
      return "JSON";
    } catch (Exception e) {
      return "KAFKA_STRING";
    }
  }

  /** A 4- or 8-byte key with control characters is almost surely a serialized INT or BIGINT. */
  private static boolean looksBinaryNumber(byte[] bytes, String text) {
    return (bytes.length == 4 || bytes.length == 8) && text.chars().anyMatch(c -> c < 0x20);
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b));
    }
    return out.toString();
  }
}

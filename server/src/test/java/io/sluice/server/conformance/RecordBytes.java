package io.sluice.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.sluice.plan.Formats;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.runtime.serde.RecordFormatException;
import io.sluice.runtime.serde.RowCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Converts between a case's JSON keys and record bytes in a topic's real formats, by way of a row:
 * a JSON key is read with the JSON key format and written with the topic's, and the other way round.
 */
final class RecordBytes {

  private static final Formats JSON = new Formats(SerdeFormat.JSON, SerdeFormat.JSON);

  private RecordBytes() {}

  /** The key bytes of an input record for a source with {@code schema} and {@code formats}. */
  static byte[] key(InputRecord record, RowSchema schema, Formats formats) {
    if (record.rawKey() != null) {
      return record.rawKey();
    }
    if (record.key().isNull()) {
      return null;
    }
    if (schema.keyColumns().isEmpty()) {
      throw new IllegalArgumentException("the source over " + record.topic()
          + " has no key columns: give the key as null, or as base64:BYTES");
    }
    byte[] json = record.key().toString().getBytes(StandardCharsets.UTF_8);
    Object[] row = RowCodec.of(schema, JSON).deserialize(json, null);
    return RowCodec.of(schema, formats).serializeKey(row);
  }

  static byte[] value(InputRecord record) {
    return record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A written key as JSON: JSON keys as they are, other formats read into a row and written as
   * JSON. Bytes that cannot be read come back as a {@code base64:} text, so a comparison shows them.
   */
  static JsonNode keyAsJson(byte[] bytes, RowSchema schema, Formats formats) {
    if (bytes == null) {
      return NullNode.getInstance();
    }
    if (formats.keyFormat() == SerdeFormat.JSON) {
      JsonNode parsed = CanonicalJson.parseOrNull(bytes);
      return parsed != null ? parsed : raw(bytes);
    }
    if (schema.keyColumns().isEmpty()) {
      return raw(bytes);
    }
    try {
      Object[] row = RowCodec.of(schema, formats).deserialize(bytes, null);
      return CanonicalJson.parseOrNull(RowCodec.of(schema, JSON).serializeKey(row));
    } catch (RecordFormatException e) {
      return raw(bytes);
    }
  }

  /** A windowed key's bytes split into the key columns' bytes and the window, {@code START,END}. */
  record WindowedKey(byte[] key, String window) {}

  /**
   * Splits a key written by a windowed aggregation, laid out as Kafka Streams' windowed serializers
   * lay it out: the key, then the window start (tumbling and hopping, whose end is start plus
   * size), or the session's end and then its start.
   */
  static WindowedKey splitWindowed(byte[] bytes, WindowSpec window) {
    int suffix = window.type() == WindowType.SESSION ? 16 : 8;
    if (bytes == null || bytes.length < suffix) {
      return new WindowedKey(bytes, "<not a windowed key>");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, bytes.length - suffix, suffix);
    long start;
    long end;
    if (window.type() == WindowType.SESSION) {
      end = buffer.getLong();
      start = buffer.getLong();
    } else {
      start = buffer.getLong();
      end = start + window.size();
    }
    return new WindowedKey(Arrays.copyOf(bytes, bytes.length - suffix), start + "," + end);
  }

  /** A written value as JSON, or as a {@code base64:} text when it is not JSON. */
  static JsonNode valueAsJson(byte[] bytes) {
    JsonNode parsed = CanonicalJson.parseOrNull(bytes);
    return parsed != null ? parsed : raw(bytes);
  }

  private static JsonNode raw(byte[] bytes) {
    return CanonicalJson.MAPPER.getNodeFactory().textNode("base64:" + Base64.getEncoder().encodeToString(bytes));
  }
}

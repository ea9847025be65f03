package io.sluice.runtime.serde;

import io.sluice.plan.Column;
import io.sluice.plan.TypeName;
import io.sluice.runtime.UnsupportedPlanException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * The KAFKA format: one column in the encoding of Kafka's own serializers, INTEGER as 4 bytes and
 * BIGINT and DOUBLE as 8 bytes big-endian, STRING as UTF-8, BYTES as they are.
 */
final class KafkaColumnFormat implements ColumnsFormat {

  private static final Set<TypeName> SUPPORTED =
      EnumSet.of(TypeName.INTEGER, TypeName.BIGINT, TypeName.DOUBLE, TypeName.STRING, TypeName.BYTES);

  private final TypeName type;
  private final String part;

  /** @param part {@code key} or {@code value}, as errors name it */
  KafkaColumnFormat(Column column, String part) {
    if (!SUPPORTED.contains(column.type().name())) {
      throw new UnsupportedPlanException(
          "the KAFKA format cannot hold " + part + " column " + column.name() + " of type "
              + column.type().sql() + "; it supports INTEGER, BIGINT, DOUBLE, STRING and BYTES");
    }
    this.type = column.type().name();
    this.part = part;
  }

  @Override
  public byte[] write(Object[] row, int[] positions) {
    Object value = row[positions[0]];
    if (value == null) {
      return null;
    }
    try {
      return switch (type) {
        case INTEGER -> ByteBuffer.allocate(Integer.BYTES).putInt((Integer) value).array();
        case BIGINT -> ByteBuffer.allocate(Long.BYTES).putLong((Long) value).array();
        case DOUBLE -> ByteBuffer.allocate(Double.BYTES).putDouble((Double) value).array();
        case STRING -> ((String) value).getBytes(StandardCharsets.UTF_8);
        default -> (byte[]) value;
      };
    } catch (ClassCastException e) {
      throw new RecordFormatException(
          part + ": expected a " + type + " value, not " + value.getClass().getSimpleName());
    }
  }

  @Override
  public void read(byte[] bytes, Object[] row, int[] positions) {
    row[positions[0]] = readColumn(bytes, 0);
  }

  @Override
  public Object readColumn(byte[] bytes, int index) {
    if (bytes == null) {
      return null;
    }
    return switch (type) {
      case INTEGER -> ByteBuffer.wrap(exactly(bytes, Integer.BYTES)).getInt();
      case BIGINT -> ByteBuffer.wrap(exactly(bytes, Long.BYTES)).getLong();
      case DOUBLE -> ByteBuffer.wrap(exactly(bytes, Double.BYTES)).getDouble();
      case STRING -> new String(bytes, StandardCharsets.UTF_8);
      default -> bytes;
    };
  }

  private byte[] exactly(byte[] bytes, int size) {
    if (bytes.length != size) {
      throw new RecordFormatException(
          part + ": expected " + size + " bytes for a " + type + ", got " + bytes.length);
    }
    return bytes;
  }
}

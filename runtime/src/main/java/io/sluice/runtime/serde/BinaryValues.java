package io.sluice.runtime.serde;

import io.sluice.plan.DataType;
import io.sluice.plan.StructValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary encoding of one SQL value of a known type, used for state stores and
 * repartition topics (never for user topics): a presence byte, then the value. Equal values always
 * give equal bytes, so encoded group keys can key stores and choose partitions.
 */
public final class BinaryValues {

  private BinaryValues() {}

  public static void write(BinaryWriter out, Object value, DataType type) {
    if (value == null) {
      out.writeByte(0);
      return;
    }
    out.writeByte(1);
    switch (type.name()) {
      case BOOLEAN -> out.writeBoolean((Boolean) value);
      case INTEGER -> out.writeVarLong((Integer) value);
      case BIGINT -> out.writeVarLong((Long) value);
      case DOUBLE -> out.writeDouble((Double) value);
      case DECIMAL -> {
        BigDecimal decimal = (BigDecimal) value;
        out.writeVarLong(decimal.scale());
        out.writeBytes(decimal.unscaledValue().toByteArray());
      }
      case STRING -> out.writeString((String) value);
      case BYTES -> out.writeBytes((byte[]) value);
      case DATE -> out.writeVarLong(((LocalDate) value).toEpochDay());
      case TIME -> out.writeVarLong(((LocalTime) value).toNanoOfDay());
      case TIMESTAMP -> out.writeVarLong(((Instant) value).toEpochMilli());
      case ARRAY -> {
        List<?> elements = (List<?>) value;
        out.writeVarLong(elements.size());
        for (Object element : elements) {
          write(out, element, type.element());
        }
      }
      case MAP -> {
        Map<?, ?> entries = (Map<?, ?>) value;
        out.writeVarLong(entries.size());
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
          out.writeString((String) entry.getKey());
          write(out, entry.getValue(), type.element());
        }
      }
      case STRUCT -> {
        StructValue struct = (StructValue) value;
        List<DataType.Field> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
          write(out, struct.get(i), fields.get(i).type());
        }
      }
    }
  }

  public static Object read(BinaryReader in, DataType type) {
    if (in.readByte() == 0) {
      return null;
    }
    return switch (type.name()) {
      case BOOLEAN -> in.readBoolean();
      case INTEGER -> (int) in.readVarLong();
      case BIGINT -> in.readVarLong();
      case DOUBLE -> in.readDouble();
      case DECIMAL -> {
        int scale = in.readVarInt();
        yield new BigDecimal(new BigInteger(in.readBytes()), scale);
      }
      case STRING -> in.readString();
      case BYTES -> in.readBytes();
      case DATE -> LocalDate.ofEpochDay(in.readVarLong());
      case TIME -> LocalTime.ofNanoOfDay(in.readVarLong());
      case TIMESTAMP -> Instant.ofEpochMilli(in.readVarLong());
      case ARRAY -> {
        int n = in.readVarInt();
        List<Object> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          elements.add(read(in, type.element()));
        }
        yield elements;
      }
      case MAP -> {
        int n = in.readVarInt();
        Map<String, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          String key = in.readString();
          entries.put(key, read(in, type.element()));
        }
        yield entries;
      }
      case STRUCT -> {
        List<DataType.Field> fields = type.fields();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = read(in, fields.get(i).type());
        }
        yield StructValue.wrap(values);
      }
    };
  }
}

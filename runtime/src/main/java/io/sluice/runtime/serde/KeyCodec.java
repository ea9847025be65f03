package io.sluice.runtime.serde;

import io.sluice.plan.Column;
import io.sluice.plan.SerdeFormat;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.List;

/**
 * Serializes the key columns of a row: KAFKA holds one column in Kafka's own encoding, JSON writes a
 * single column as its bare JSON value and several as an object, and NONE (or no key columns at
 * all) ignores the key on read and writes a null key.
 */
public final class KeyCodec extends ColumnsCodec {

  private KeyCodec(List<Column> columns, SerdeFormat format, ColumnsFormat layout) {
    super(columns, format, layout);
  }

  /** A codec for these key columns; throws {@link UnsupportedPlanException} if the format cannot hold them. */
  public static KeyCodec of(List<Column> columns, SerdeFormat format) {
    return new KeyCodec(columns, format, layout(columns, format));
  }

  private static ColumnsFormat layout(List<Column> columns, SerdeFormat format) {
    if (columns.isEmpty()) {
      return new NoColumnsFormat();
    }
    return switch (format) {
      case NONE -> throw new UnsupportedPlanException(
          "KEY_FORMAT NONE cannot hold key columns " + names(columns));
      case KAFKA -> {
        if (columns.size() > 1) {
          throw new UnsupportedPlanException(
              "KEY_FORMAT KAFKA holds a single key column, not " + names(columns) + "; use JSON");
        }
        yield new KafkaColumnFormat(columns.get(0), "key");
      }
      case JSON -> columns.size() == 1
          ? new JsonBareFormat(columns.get(0), "key")
          : new JsonObjectFormat(columns, "key");
    };
  }

  static String names(List<Column> columns) {
    return columns.stream().map(Column::name).toList().toString();
  }
}

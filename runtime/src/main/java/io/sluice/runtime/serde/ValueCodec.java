package io.sluice.runtime.serde;

import io.sluice.plan.Column;
import io.sluice.plan.SerdeFormat;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.List;

/**
 * Serializes the value columns of a row: JSON as an object with a field per column (even for a
 * single column), KAFKA as one column in Kafka's own encoding, NONE only when there are no value
 * columns.
 */
public final class ValueCodec extends ColumnsCodec {

  private ValueCodec(List<Column> columns, SerdeFormat format, ColumnsFormat layout) {
    super(columns, format, layout);
  }

  /** A codec for these value columns; throws {@link UnsupportedPlanException} if the format cannot hold them. */
  public static ValueCodec of(List<Column> columns, SerdeFormat format) {
    return new ValueCodec(columns, format, layout(columns, format));
  }

  private static ColumnsFormat layout(List<Column> columns, SerdeFormat format) {
    return switch (format) {
      case JSON -> new JsonObjectFormat(columns, "value");
      case KAFKA -> {
        if (columns.size() != 1) {
          throw new UnsupportedPlanException(
              "VALUE_FORMAT KAFKA holds exactly one value column, not " + KeyCodec.names(columns) + "; use JSON");
        }
        yield new KafkaColumnFormat(columns.get(0), "value");
      }
      case NONE -> {
        if (!columns.isEmpty()) {
          throw new UnsupportedPlanException(
              "VALUE_FORMAT NONE cannot hold value columns " + KeyCodec.names(columns));
        }
        yield new NoColumnsFormat();
      }
    };
  }
}

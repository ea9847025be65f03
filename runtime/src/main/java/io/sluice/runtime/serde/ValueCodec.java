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
    return reading(columns, format, null);
  }

  /**
   * A codec for these value columns whose row reads take of each column only what {@code uses}
   * says (null: nothing), leaving the rest null; JSON skips what is not read, the other formats
   * read every column anyway. Null {@code uses} reads everything.
   */
  public static ValueCodec reading(List<Column> columns, SerdeFormat format, ValueUse[] uses) {
    return new ValueCodec(columns, format, layout(columns, format, uses));
  }

  private static ColumnsFormat layout(List<Column> columns, SerdeFormat format, ValueUse[] uses) {
    return switch (format) {
      case JSON -> new JsonObjectFormat(columns, "value", uses);
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

package io.sluice.planner.ddl;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.Formats;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.TypeName;
import io.sluice.planner.PlanningException;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Settles a source's or sink's key and value formats from FORMAT, KEY_FORMAT and VALUE_FORMAT and
 * its key columns, and checks that the key format can carry those columns.
 */
final class FormatResolver {

  static final Set<SerdeFormat> VALUE_FORMATS = Set.of(SerdeFormat.JSON);
  static final Set<SerdeFormat> KEY_FORMATS = Set.of(SerdeFormat.KAFKA, SerdeFormat.JSON, SerdeFormat.NONE);
  private static final Set<TypeName> KAFKA_KEY_TYPES =
      Set.of(TypeName.INTEGER, TypeName.BIGINT, TypeName.DOUBLE, TypeName.STRING, TypeName.BYTES);

  private FormatResolver() {}

  /**
   * {@code defaults} supplies formats not given (null: VALUE_FORMAT is then required and the key
   * format is KAFKA). A source without key columns gets the NONE key format.
   */
  static Formats resolve(WithProperties with, List<Column> keyColumns, Formats defaults, SqlParserPos pos) {
    SerdeFormat both = with.format(SourceProperties.FORMAT, Set.of(SerdeFormat.JSON)).orElse(null);
    if (both != null && (with.literal(SourceProperties.KEY_FORMAT).isPresent()
        || with.literal(SourceProperties.VALUE_FORMAT).isPresent())) {
      throw new PlanningException("FORMAT cannot be combined with KEY_FORMAT or VALUE_FORMAT", pos);
    }
    SerdeFormat value = both != null ? both
        : with.format(SourceProperties.VALUE_FORMAT, VALUE_FORMATS)
            .orElseGet(() -> {
              if (defaults == null) {
                throw new PlanningException("Missing required property VALUE_FORMAT (supported: JSON)", pos);
              }
              return defaults.valueFormat();
            });
    SerdeFormat key = both != null ? both
        : with.format(SourceProperties.KEY_FORMAT, KEY_FORMATS).orElse(null);
    if (key == null) {
      key = defaults == null || defaults.keyFormat() == SerdeFormat.NONE ? SerdeFormat.KAFKA : defaults.keyFormat();
    }
    if (keyColumns.isEmpty()) {
      return new Formats(SerdeFormat.NONE, value);
    }
    if (key == SerdeFormat.NONE) {
      throw new PlanningException("KEY_FORMAT 'NONE' cannot carry key columns " + names(keyColumns), pos);
    }
    if (key == SerdeFormat.KAFKA) {
      if (keyColumns.size() > 1) {
        throw new PlanningException("The KAFKA key format supports only one key column, but there are "
            + keyColumns.size() + ": " + names(keyColumns) + ". Use KEY_FORMAT='JSON'", pos);
      }
      DataType type = keyColumns.get(0).type();
      if (!KAFKA_KEY_TYPES.contains(type.name())) {
        throw new PlanningException("The KAFKA key format does not support key column "
            + keyColumns.get(0).name() + " of type " + type.sql() + ". Use KEY_FORMAT='JSON'", pos);
      }
    }
    return new Formats(key, value);
  }

  private static String names(List<Column> columns) {
    return String.join(", ", columns.stream().map(Column::name).toList());
  }
}

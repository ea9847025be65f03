package io.sluice.server.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;

/** A column as DESCRIBE and EXPLAIN show it, in ksqlDB's shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldInfo(String name, Schema schema, String type) {

  /**
   * The column's type; an ARRAY's element type, or a MAP's value type, is its member schema, and a
   * STRUCT lists its fields, as in ksqlDB.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Schema(String type, Object fields, Schema memberSchema) {

    static Schema of(DataType type) {
      if (type.name() == TypeName.ARRAY || type.name() == TypeName.MAP) {
        return new Schema(type.name().name(), null, of(type.element()));
      }
      if (type.name() == TypeName.STRUCT) {
        return new Schema(type.name().name(), type.fields().stream()
            .map(f -> new FieldInfo(f.name(), of(f.type()), null)).toList(), null);
      }
      return new Schema(type.sql(), null, null);
    }
  }

  public static FieldInfo of(Column column) {
    return new FieldInfo(column.name(), Schema.of(column.type()), column.kind() == ColumnKind.KEY ? "KEY" : null);
  }
}

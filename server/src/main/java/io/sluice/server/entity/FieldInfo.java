package io.sluice.server.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;

/** A column as DESCRIBE and EXPLAIN show it, in ksqlDB's shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldInfo(String name, Schema schema, String type) {

  /** The column's type. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Schema(String type, Object fields, Object memberSchema) {}

  public static FieldInfo of(Column column) {
    return new FieldInfo(column.name(), new Schema(column.type().sql(), null, null),
        column.kind() == ColumnKind.KEY ? "KEY" : null);
  }
}

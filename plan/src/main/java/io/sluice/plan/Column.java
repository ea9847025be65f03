package io.sluice.plan;

import java.util.Objects;

/** One named, typed column of a row, with its role: part of the record key, the value, or a pseudo column. */
public record Column(String name, DataType type, ColumnKind kind) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kind, "kind");
  }

  public static Column key(String name, DataType type) {
    return new Column(name, type, ColumnKind.KEY);
  }

  public static Column value(String name, DataType type) {
    return new Column(name, type, ColumnKind.VALUE);
  }
}

package io.sluice.plan;

import java.util.List;

/** The read-only pseudo columns every source row carries after its key and value columns, in this order. */
public enum PseudoColumn {
  /** The record's event time, in epoch milliseconds. */
  ROWTIME(DataType.BIGINT),
  /** The partition the record was read from. */
  ROWPARTITION(DataType.INTEGER),
  /** The record's offset in its partition. */
  ROWOFFSET(DataType.BIGINT);

  private final DataType type;

  PseudoColumn(DataType type) {
    this.type = type;
  }

  public DataType type() {
    return type;
  }

  public Column column() {
    return new Column(name(), type, ColumnKind.PSEUDO);
  }

  /** All pseudo columns, in row order. */
  public static List<Column> columns() {
    return List.of(ROWTIME.column(), ROWPARTITION.column(), ROWOFFSET.column());
  }

  /** True if {@code name} (upper-case) is a reserved pseudo column name. */
  public static boolean isPseudo(String name) {
    for (PseudoColumn p : values()) {
      if (p.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}

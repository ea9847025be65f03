package io.sluice.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ordered columns of the rows that flow out of a plan node.
 *
 * <p>At run time a row is an {@code Object[]} with one slot per column, in this order. Sources put
 * key columns first, then value columns, then the {@link PseudoColumn pseudo columns}.
 */
public record RowSchema(List<Column> columns) {

  public RowSchema {
    columns = List.copyOf(columns);
  }

  public static RowSchema of(Column... columns) {
    return new RowSchema(List.of(columns));
  }

  public int size() {
    return columns.size();
  }

  public Column column(int index) {
    return columns.get(index);
  }

  /** The columns' types, in order. */
  public List<DataType> types() {
    return columns.stream().map(Column::type).toList();
  }

  /** The index of the column named {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  public Optional<Column> find(String name) {
    int i = indexOf(name);
    return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
  }

  @JsonIgnore
  public List<Column> keyColumns() {
    return ofKind(ColumnKind.KEY);
  }

  @JsonIgnore
  public List<Column> valueColumns() {
    return ofKind(ColumnKind.VALUE);
  }

  /** The indexes, in row order, of the columns of one kind. */
  public int[] indexesOf(ColumnKind kind) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).kind() == kind) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private List<Column> ofKind(ColumnKind kind) {
    return columns.stream().filter(c -> c.kind() == kind).toList();
  }
}

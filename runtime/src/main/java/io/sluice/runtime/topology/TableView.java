package io.sluice.runtime.topology;

import io.sluice.runtime.expr.RowPredicate;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A join's view of a table side: the current row per key in the store a table source keeps, seen
 * through the filters between that source and the join (a row they reject is no row).
 */
final class TableView implements TableLookup {

  private final String storeName;
  private final List<RowPredicate> filters;
  private KeyValueStore<Bytes, Object[]> rows;

  TableView(String storeName, List<RowPredicate> filters) {
    this.storeName = storeName;
    this.filters = List.copyOf(filters);
  }

  @Override
  public String storeName() {
    return storeName;
  }

  @Override
  public void init(ProcessingContext context) {
    rows = context.getStateStore(storeName);
  }

  /** The row for {@code key}, or null when there is none or a filter rejects it (or fails on it). */
  @Override
  public Object[] get(byte[] key) {
    return passing(rows.get(Bytes.wrap(key)), filters);
  }

  /** {@code row} if it is not null and every filter holds TRUE for it, else null (also when one fails on it). */
  static Object[] passing(Object[] row, List<RowPredicate> filters) {
    if (row == null) {
      return null;
    }
    try {
      for (RowPredicate filter : filters) {
        if (!filter.test(row)) {
          return null;
        }
      }
    } catch (RuntimeException e) {
      return null;
    }
    return row;
  }
}

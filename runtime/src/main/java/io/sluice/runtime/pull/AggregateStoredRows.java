package io.sluice.runtime.pull;

import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.RowSchema;
import io.sluice.plan.node.AggregateNode;
import io.sluice.runtime.aggregate.AggregateRows;
import io.sluice.runtime.aggregate.AggregateState;
import org.apache.kafka.common.serialization.Serializer;

/** The rows of a table kept by an aggregation: each group's state made into the row the table's query writes. */
final class AggregateStoredRows implements StoredRows {

  private final AggregateRows rows;
  private final TableRows tableRows;

  AggregateStoredRows(PhysicalPlan plan, AggregateNode aggregate, RowSchema input) {
    this.rows = new AggregateRows(aggregate);
    this.tableRows = new TableRows(plan, aggregate, input);
  }

  @Override
  public Object[] inputRow(Object storeKey, long windowStart, long windowEnd, Object value) {
    if (value == null) {
      return null;
    }
    Object[] aggregateRow = rows.keyRow(storeKey, windowStart, windowEnd);
    try {
      rows.fillResults(aggregateRow, (AggregateState) value);
    } catch (AggregateRows.ResultException e) {
      // The table's query logs such a group and writes no row for it.
      return null;
    }
    return tableRows.inputRow(aggregateRow);
  }

  @Override
  public Object storeKey(Object[] keyValues) {
    return rows.storeKey(keyValues);
  }

  @Override
  public boolean canonicalKeys() {
    return rows.canonicalKeys();
  }

  @Override
  public boolean orderedKeys() {
    return rows.orderedKeys();
  }

  @Override
  public Serializer<Object> keySerializer() {
    return rows.keySerializer();
  }
}

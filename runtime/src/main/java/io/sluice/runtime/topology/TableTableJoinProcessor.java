package io.sluice.runtime.topology;

import io.sluice.plan.node.JoinType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Turns the changes of one side of a table-table join into changes of the joined table: the
 * change's old and new row are each joined with the other side's current row for the key, as the
 * join type says (INNER: both present; LEFT: the left present; RIGHT: the right; FULL: either),
 * and the joined table's change is from the old joined row to the new one. A change that touches no
 * joined row emits nothing. The joined change's timestamp is the later of the change's and the
 * other side's row's event time.
 */
final class TableTableJoinProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private final boolean thisIsLeft;
  private final JoinType type;
  private final TableLookup other;
  private final int otherRowtime;
  private final JoinRows rows;
  private final Downstream downstream;
  private FixedKeyProcessorContext<Object, Object> context;

  /**
   * @param thisIsLeft whether the changes are the left side's
   * @param otherRowtime the slot of ROWTIME in the other side's rows, or -1
   */
  TableTableJoinProcessor(boolean thisIsLeft, JoinType type, TableLookup other, int otherRowtime, JoinRows rows,
      Downstream downstream) {
    this.thisIsLeft = thisIsLeft;
    this.type = type;
    this.other = other;
    this.otherRowtime = otherRowtime;
    this.rows = rows;
    this.downstream = downstream;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
    other.init(context);
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    Change change = (Change) record.value();
    Object[] otherRow = other.get((byte[]) record.key());
    Object[] oldRow = joined(change.oldRow(), otherRow);
    Object[] newRow = joined(change.newRow(), otherRow);
    if (oldRow == null && newRow == null) {
      return;
    }
    long timestamp = record.timestamp();
    if (otherRow != null && otherRowtime >= 0 && otherRow[otherRowtime] instanceof Long otherTime) {
      timestamp = Math.max(timestamp, otherTime);
    }
    downstream.forward(context, record.withValue((Object) new Change(oldRow, newRow)).withTimestamp(timestamp));
  }

  /** The joined row of this side's {@code row} (maybe null) and the other side's, or null when the join type has none. */
  private Object[] joined(Object[] row, Object[] otherRow) {
    Object[] left = thisIsLeft ? row : otherRow;
    Object[] right = thisIsLeft ? otherRow : row;
    boolean present = switch (type) {
      case INNER -> left != null && right != null;
      case LEFT -> left != null;
      case RIGHT -> right != null;
      case FULL -> left != null || right != null;
    };
    return present ? rows.join(left, right) : null;
  }
}

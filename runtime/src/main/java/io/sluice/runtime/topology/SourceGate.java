package io.sluice.runtime.topology;

import io.sluice.plan.ColumnKind;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.RowSchema;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Conditions;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.Operator;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowPredicate;
import io.sluice.runtime.serde.RowCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a stream source's WHERE conditions that its record key and one scalar value column
 * decide, tried before the rest of the value is read: every step reading the source is a filter,
 * and a record that each of their conditions drops on those columns alone is dropped unread
 * (Nexmark's views keep one event type of three; q2 keeps one auction in 123, the record key).
 *
 * <p>The key columns are read anyway, so conditions on them cost nothing. The value column is read
 * alone, as far into the value as it lies, and the value read again whole if the record passes; a
 * source whose records mostly pass stops trying it: the gate is judged on each {@value #TRIAL}
 * records it reads the column for, and one that dropped fewer than a quarter of them rests for
 * {@value #REST} records, then tries again, so a change in what the records hold is followed. Only
 * rows the filters would drop are dropped, so results do not change; a value malformed after the
 * column is then not read far enough to be reported, nor is a condition's evaluation error on the
 * rest of such a row. A gate that cannot evaluate lets the record through to the filters.
 */
final class SourceGate {

  /** Records the value column is read alone for before the gate is judged. */
  static final int TRIAL = 1_000;
  /** Records let through unread after a trial that dropped fewer than a quarter of its records. */
  static final int REST = 100_000;

  private final RowPredicate keyCondition;
  private final RowPredicate valueCondition;
  private final int valueColumn;
  private final int valueSlot;
  private int tried;
  private int dropped;
  private int resting;

  private SourceGate(RowPredicate keyCondition, RowPredicate valueCondition, int valueColumn, int valueSlot) {
    this.keyCondition = keyCondition;
    this.valueCondition = valueCondition;
    this.valueColumn = valueColumn;
    this.valueSlot = valueSlot;
  }

  /** The gate of {@code source} in {@code plan}, read with {@code codec}; null when its readers' conditions leave none. */
  static SourceGate of(SourceNode source, PhysicalPlan plan, RowCodec codec) {
    if (source.table()) {
      // A table's filter turns rows that stop passing into deletes: it must see every row.
      return null;
    }
    List<FilterNode> filters = readingFilters(source, plan);
    if (filters == null) {
      return null;
    }
    RowSchema schema = source.schema();
    Set<Integer> keySlots = new HashSet<>();
    for (int slot : codec.keyPositions()) {
      keySlots.add(slot);
    }
    int[] valuePositions = codec.valuePositions();
    Integer valueSlot = null;
    List<Expr> keyOnly = new ArrayList<>();
    List<Expr> withValue = new ArrayList<>();
    for (FilterNode filter : filters) {
      List<Expr> onKeys = new ArrayList<>();
      List<Expr> onKeysAndValue = new ArrayList<>();
      for (Expr conjunct : Conditions.split(filter.predicate(), Operator.AND)) {
        Set<Integer> slots = new HashSet<>(Conditions.columnsRead(conjunct));
        slots.removeAll(keySlots);
        if (slots.isEmpty()) {
          onKeys.add(conjunct);
          onKeysAndValue.add(conjunct);
        } else if (slots.size() == 1) {
          int slot = slots.iterator().next();
          if ((valueSlot == null || valueSlot == slot) && isScalarValue(schema, slot, valuePositions)) {
            valueSlot = slot;
            onKeysAndValue.add(conjunct);
          }
        }
      }
      keyOnly.add(Conditions.join(onKeys, Operator.AND));
      withValue.add(Conditions.join(onKeysAndValue, Operator.AND));
    }
    RowPredicate keyCondition = keyOnly.contains(null) ? null
        : ExpressionCompiler.compilePredicate(Conditions.join(keyOnly, Operator.OR), schema);
    RowPredicate valueCondition = withValue.contains(null) || valueSlot == null ? null
        : ExpressionCompiler.compilePredicate(Conditions.join(withValue, Operator.OR), schema);
    if (keyCondition == null && valueCondition == null) {
      return null;
    }
    int column = valueSlot == null ? -1 : indexOf(valuePositions, valueSlot);
    return new SourceGate(keyCondition, valueCondition, column, valueSlot == null ? -1 : valueSlot);
  }

  /** A gate with the same conditions and a trial of its own, for one task's processor. */
  SourceGate forTask() {
    return new SourceGate(keyCondition, valueCondition, valueColumn, valueSlot);
  }

  /**
   * False if every filter reading the source drops the row whose key columns {@code row} holds,
   * reading the value column alone from {@code value} if need be (into {@code row}).
   */
  boolean admits(Object[] row, byte[] value, RowCodec codec) {
    if (keyCondition != null && !holds(keyCondition, row)) {
      return false;
    }
    if (valueCondition == null) {
      return true;
    }
    if (resting > 0) {
      resting--;
      return true;
    }
    if (tried == TRIAL) {
      resting = dropped * 4 < tried ? REST : 0;
      tried = 0;
      dropped = 0;
      if (resting > 0) {
        return true;
      }
    }
    tried++;
    try {
      row[valueSlot] = codec.valueCodec().deserializeColumn(value, valueColumn);
    } catch (RuntimeException e) {
      // Reading it whole will report what is wrong.
      return true;
    }
    if (holds(valueCondition, row)) {
      return true;
    }
    dropped++;
    return false;
  }

  private static boolean holds(RowPredicate condition, Object[] row) {
    try {
      return condition.test(row);
    } catch (RuntimeException e) {
      // The filters will evaluate the whole row and report it.
      return true;
    }
  }

  /** The distinct steps reading {@code source}, if every one is a filter; null otherwise. */
  private static List<FilterNode> readingFilters(SourceNode source, PhysicalPlan plan) {
    Map<String, PlanNode> readers = new LinkedHashMap<>();
    for (PlanNode node : plan.nodes()) {
      if (node.inputs().stream().anyMatch(input -> input.id().equals(source.id()))) {
        readers.putIfAbsent(node.id(), node);
      }
    }
    List<FilterNode> filters = new ArrayList<>();
    for (PlanNode reader : readers.values()) {
      if (!(reader instanceof FilterNode filter)) {
        return null;
      }
      filters.add(filter);
    }
    return filters.isEmpty() ? null : filters;
  }

  private static boolean isScalarValue(RowSchema schema, int slot, int[] valuePositions) {
    if (schema.column(slot).kind() != ColumnKind.VALUE || indexOf(valuePositions, slot) < 0) {
      return false;
    }
    TypeName type = schema.column(slot).type().name();
    return type != TypeName.STRUCT && type != TypeName.ARRAY && type != TypeName.MAP;
  }

  private static int indexOf(int[] positions, int slot) {
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] == slot) {
        return i;
      }
    }
    return -1;
  }
}

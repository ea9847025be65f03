package io.sluice.planner.pull;

import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Conditions;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Operator;
import io.sluice.plan.pull.RangeBound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pull query's WHERE says about where its rows are: the key tuples it pins with {@code =}
 * and {@code IN} on every key column (the cross product when several columns have several
 * values), a range on a single-column key, and ranges of WINDOWSTART and WINDOWEND; and the rest
 * of the condition. Only a conjunction is read this way; any other condition is all residual.
 *
 * <p>The key tuples' conditions leave the residual; the ranges' conditions stay in it, since a
 * range narrows the read but need not be exact (an exclusive bound, a WINDOWEND read through
 * WINDOWSTART). A key value must have its key column's type, or INTEGER for a BIGINT key, so that
 * converting it cannot change it; window bounds must be INTEGER or BIGINT constants.
 */
public record WhereAnalysis(
    List<List<Expr>> keyLookups,
    RangeBound keyLower,
    RangeBound keyUpper,
    RangeBound windowStartLower,
    RangeBound windowStartUpper,
    RangeBound windowEndLower,
    RangeBound windowEndUpper,
    Expr residual) {

  /**
   * @param condition the WHERE condition over the query's input rows, or null
   * @param keySlots the input slots of the key columns, in key order
   * @param windowStartSlot the slot of WINDOWSTART, or -1
   * @param windowEndSlot the slot of WINDOWEND, or -1
   */
  public static WhereAnalysis of(Expr condition, int[] keySlots, int windowStartSlot, int windowEndSlot) {
    List<Expr> conjuncts = new ArrayList<>();
    if (condition != null) {
      conjuncts.addAll(Conditions.split(condition, Operator.AND));
    }
    Map<Integer, List<Expr>> keyValues = new LinkedHashMap<>();
    List<Expr> keyConjuncts = new ArrayList<>();
    List<Expr> residual = new ArrayList<>();
    RangeBound[] bounds = new RangeBound[6];
    for (Expr conjunct : conjuncts) {
      KeyValues values = keyValues(conjunct, keySlots);
      if (values != null && !keyValues.containsKey(values.slot())) {
        keyValues.put(values.slot(), values.values());
        keyConjuncts.add(conjunct);
        continue;
      }
      residual.add(conjunct);
      Comparison comparison = Comparison.of(conjunct);
      if (comparison == null) {
        continue;
      }
      if (keySlots.length == 1 && comparison.slot() == keySlots[0]) {
        comparison.narrow(bounds, 0);
      } else if (comparison.slot() == windowStartSlot && isWholeNumber(comparison.value().type())) {
        comparison.narrow(bounds, 2);
      } else if (comparison.slot() == windowEndSlot && isWholeNumber(comparison.value().type())) {
        comparison.narrow(bounds, 4);
      }
    }
    List<List<Expr>> lookups = List.of();
    if (keySlots.length > 0 && keyValues.size() == keySlots.length) {
      lookups = crossProduct(keySlots, keyValues);
      bounds[0] = null;
      bounds[1] = null;
    } else {
      // Keys not pinned whole: their conditions filter the rows read instead.
      residual.addAll(0, keyConjuncts);
    }
    return new WhereAnalysis(lookups, bounds[0], bounds[1], bounds[2], bounds[3], bounds[4], bounds[5],
        Conditions.join(residual, Operator.AND));
  }

  /** The key values one conjunct pins: {@code k = v}, {@code v = k}, or an OR of those on one key column (IN). */
  private static KeyValues keyValues(Expr conjunct, int[] keySlots) {
    List<Expr> disjuncts = new ArrayList<>();
    disjuncts.addAll(Conditions.split(conjunct, Operator.OR));
    int slot = -1;
    List<Expr> values = new ArrayList<>();
    for (Expr disjunct : disjuncts) {
      Comparison comparison = Comparison.of(disjunct);
      if (comparison == null || comparison.op() != Operator.EQUALS || !isKey(comparison.slot(), keySlots)
          || (slot >= 0 && slot != comparison.slot())
          || !fitsKey(comparison.value().type(), comparison.column().type())) {
        return null;
      }
      slot = comparison.slot();
      if (!values.contains(comparison.value())) {
        values.add(comparison.value());
      }
    }
    return new KeyValues(slot, values);
  }

  private static List<List<Expr>> crossProduct(int[] keySlots, Map<Integer, List<Expr>> keyValues) {
    List<List<Expr>> tuples = new ArrayList<>();
    tuples.add(List.of());
    for (int slot : keySlots) {
      List<List<Expr>> next = new ArrayList<>();
      for (List<Expr> tuple : tuples) {
        for (Expr value : keyValues.get(slot)) {
          List<Expr> longer = new ArrayList<>(tuple);
          longer.add(value);
          next.add(longer);
        }
      }
      tuples = next;
    }
    return tuples;
  }

  private static boolean isKey(int slot, int[] keySlots) {
    for (int keySlot : keySlots) {
      if (keySlot == slot) {
        return true;
      }
    }
    return false;
  }

  /** True if a value of type {@code value} converts to {@code key} without change. */
  private static boolean fitsKey(DataType value, DataType key) {
    return value.equals(key)
        || (value.name() == key.name() && key.name() != TypeName.DECIMAL)
        || (value.name() == TypeName.INTEGER && key.name() == TypeName.BIGINT);
  }

  private static boolean isWholeNumber(DataType type) {
    return type.name() == TypeName.INTEGER || type.name() == TypeName.BIGINT;
  }

  /** True if {@code expr} reads no column. */
  static boolean isConstant(Expr expr) {
    if (expr instanceof InputRef) {
      return false;
    }
    return !(expr instanceof Call call) || call.operands().stream().allMatch(WhereAnalysis::isConstant);
  }

  private record KeyValues(int slot, List<Expr> values) {}

  /** A comparison of a column with a constant, written column first. */
  private record Comparison(Operator op, InputRef column, Expr value) {

    int slot() {
      return column.index();
    }

    static Comparison of(Expr expr) {
      if (!(expr instanceof Call call) || call.operands().size() != 2) {
        return null;
      }
      Operator op = call.op();
      if (op != Operator.EQUALS && op != Operator.LESS_THAN && op != Operator.LESS_THAN_OR_EQUAL
          && op != Operator.GREATER_THAN && op != Operator.GREATER_THAN_OR_EQUAL) {
        return null;
      }
      Expr left = call.operand(0);
      Expr right = call.operand(1);
      if (left instanceof InputRef ref && isConstant(right)) {
        return new Comparison(op, ref, right);
      }
      if (right instanceof InputRef ref && isConstant(left)) {
        return new Comparison(mirror(op), ref, left);
      }
      return null;
    }

    /** Sets the lower ({@code bounds[at]}) or upper ({@code bounds[at + 1]}) bound this comparison gives, if unset. */
    void narrow(RangeBound[] bounds, int at) {
      boolean lower = op == Operator.EQUALS || op == Operator.GREATER_THAN || op == Operator.GREATER_THAN_OR_EQUAL;
      boolean upper = op == Operator.EQUALS || op == Operator.LESS_THAN || op == Operator.LESS_THAN_OR_EQUAL;
      boolean inclusive = op == Operator.EQUALS || op == Operator.GREATER_THAN_OR_EQUAL
          || op == Operator.LESS_THAN_OR_EQUAL;
      if (lower && bounds[at] == null) {
        bounds[at] = new RangeBound(value, inclusive);
      }
      if (upper && bounds[at + 1] == null) {
        bounds[at + 1] = new RangeBound(value, inclusive);
      }
    }

    private static Operator mirror(Operator op) {
      return switch (op) {
        case LESS_THAN -> Operator.GREATER_THAN;
        case LESS_THAN_OR_EQUAL -> Operator.GREATER_THAN_OR_EQUAL;
        case GREATER_THAN -> Operator.LESS_THAN;
        case GREATER_THAN_OR_EQUAL -> Operator.LESS_THAN_OR_EQUAL;
        default -> op;
      };
    }
  }
}

package io.sluice.runtime.aggregate;

import io.sluice.plan.DataType;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.node.AggregateCall;
import io.sluice.plan.node.AggregateFunction;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.expr.LiteralValues;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The aggregates of one aggregation, checked and compiled once per query: how to make each
 * call's {@link Accumulator}, and which per-row argument feeds it. Each call has at most one
 * per-row argument, its first; later arguments (TOPK's k, the ignore-nulls flag) must be literals.
 */
public final class Accumulators {

  /** The most elements COLLECT_LIST and COLLECT_SET keep and the most entries HISTOGRAM keeps. */
  public static final int COLLECTION_LIMIT = 1000;

  private static final Set<TypeName> ORDERED = EnumSet.of(TypeName.INTEGER, TypeName.BIGINT,
      TypeName.DOUBLE, TypeName.DECIMAL, TypeName.STRING, TypeName.DATE, TypeName.TIME, TypeName.TIMESTAMP);

  private final List<Supplier<Accumulator>> factories;
  private final int[] argumentOf;
  private final List<Expr> arguments;

  private Accumulators(List<Supplier<Accumulator>> factories, int[] argumentOf, List<Expr> arguments) {
    this.factories = factories;
    this.argumentOf = argumentOf;
    this.arguments = arguments;
  }

  /**
   * The accumulators of {@code calls}; throws {@link UnsupportedPlanException} for a call with the
   * wrong arguments, or, when {@code overTable}, for a function that cannot undo a row.
   */
  public static Accumulators of(List<AggregateCall> calls, boolean overTable) {
    List<Supplier<Accumulator>> factories = new ArrayList<>();
    int[] argumentOf = new int[calls.size()];
    List<Expr> arguments = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall call = calls.get(i);
      if (overTable && !call.function().undoable()) {
        throw new UnsupportedPlanException(call.function() + " cannot aggregate a TABLE: it cannot take back"
            + " the old version of an updated or deleted row; use it on a STREAM");
      }
      factories.add(factory(call));
      if (call.args().isEmpty()) {
        argumentOf[i] = -1;
      } else {
        argumentOf[i] = arguments.size();
        arguments.add(call.args().get(0));
      }
    }
    return new Accumulators(factories, argumentOf, arguments);
  }

  /** The per-row argument expressions, in the order {@link AggregateInput#arguments()} holds their values. */
  public List<Expr> arguments() {
    return arguments;
  }

  /** The types of {@link #arguments()}. */
  public List<DataType> argumentTypes() {
    return arguments.stream().map(Expr::type).toList();
  }

  public int size() {
    return factories.size();
  }

  /** A state with no rows. */
  public AggregateState newState() {
    Accumulator[] accumulators = new Accumulator[factories.size()];
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i] = factories.get(i).get();
    }
    return new AggregateState(accumulators, argumentOf);
  }

  private static Supplier<Accumulator> factory(AggregateCall call) {
    AggregateFunction function = call.function();
    List<Expr> args = call.args();
    if (function == AggregateFunction.COUNT) {
      requireArgs(call, 0, 1);
      boolean rows = args.isEmpty();
      return () -> new CountAccumulator(rows);
    }
    int max = switch (function) {
      case LATEST_BY_OFFSET, EARLIEST_BY_OFFSET, TOPK, TOPKDISTINCT -> 2;
      default -> 1;
    };
    requireArgs(call, function == AggregateFunction.TOPK || function == AggregateFunction.TOPKDISTINCT ? 2 : 1, max);
    DataType type = args.get(0).type();
    return switch (function) {
      case SUM -> sum(call, type);
      case AVG -> {
        requireNumeric(call, type);
        boolean exact = type.name() != TypeName.DOUBLE;
        yield () -> new AvgAccumulator(exact);
      }
      case MIN, MAX -> {
        requireOrdered(call, type);
        boolean max2 = function == AggregateFunction.MAX;
        yield () -> new MinMaxAccumulator(max2, type);
      }
      case COUNT_DISTINCT -> () -> new CountDistinctAccumulator(type);
      case LATEST_BY_OFFSET, EARLIEST_BY_OFFSET -> {
        boolean ignoreNulls = args.size() < 2 || Boolean.TRUE.equals(constant(call, 1, TypeName.BOOLEAN));
        boolean latest = function == AggregateFunction.LATEST_BY_OFFSET;
        yield () -> new ByOffsetAccumulator(latest, ignoreNulls, type);
      }
      case COLLECT_LIST -> () -> new CollectListAccumulator(type);
      case COLLECT_SET -> () -> new CollectSetAccumulator(type);
      case TOPK, TOPKDISTINCT -> {
        requireOrdered(call, type);
        Object k = constant(call, 1, TypeName.INTEGER);
        if (k == null || (Integer) k < 1) {
          throw new UnsupportedPlanException(function + "'s k must be a positive INTEGER, not " + k);
        }
        int size = (Integer) k;
        boolean distinct = function == AggregateFunction.TOPKDISTINCT;
        yield () -> new TopKAccumulator(size, distinct, type);
      }
      case HISTOGRAM -> {
        if (type.name() != TypeName.STRING) {
          throw new UnsupportedPlanException("HISTOGRAM counts STRING values, not " + type.sql());
        }
        yield HistogramAccumulator::new;
      }
      case STDDEV_SAMP -> {
        requireNumeric(call, type);
        yield StddevAccumulator::new;
      }
      case COUNT -> throw new IllegalStateException("COUNT is handled above");
    };
  }

  private static Supplier<Accumulator> sum(AggregateCall call, DataType type) {
    requireNumeric(call, type);
    DataType result = call.type();
    return switch (type.name()) {
      case INTEGER, BIGINT -> {
        boolean integer = result.name() == TypeName.INTEGER;
        yield () -> new LongSumAccumulator(integer);
      }
      case DOUBLE -> DoubleSumAccumulator::new;
      default -> {
        if (result.name() != TypeName.DECIMAL) {
          throw new UnsupportedPlanException("SUM of " + type.sql() + " must be a DECIMAL, not " + result.sql());
        }
        yield () -> new DecimalSumAccumulator(result.precision(), result.scale());
      }
    };
  }

  private static Object constant(AggregateCall call, int index, TypeName type) {
    Expr arg = call.args().get(index);
    if (!(arg instanceof Literal literal) || arg.type().name() != type) {
      throw new UnsupportedPlanException(
          call.function() + "'s argument " + (index + 1) + " must be a constant " + type);
    }
    return LiteralValues.parse(literal);
  }

  private static void requireArgs(AggregateCall call, int min, int max) {
    int n = call.args().size();
    if (n < min || n > max) {
      throw new UnsupportedPlanException(call.function() + " takes " + (min == max ? min : min + " to " + max)
          + " arguments, got " + n);
    }
  }

  private static void requireNumeric(AggregateCall call, DataType type) {
    if (!type.isNumeric()) {
      throw new UnsupportedPlanException(call.function() + " needs a numeric argument, not " + type.sql());
    }
  }

  private static void requireOrdered(AggregateCall call, DataType type) {
    if (!ORDERED.contains(type.name())) {
      throw new UnsupportedPlanException(call.function() + " cannot order values of type " + type.sql());
    }
  }
}

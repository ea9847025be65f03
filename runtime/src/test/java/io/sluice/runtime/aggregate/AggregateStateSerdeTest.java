package io.sluice.runtime.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.node.AggregateCall;
import io.sluice.plan.node.AggregateFunction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Aggregate state survives its store: a state written and read back (as after a restart, or a
 * changelog restore) gives the same results and goes on aggregating the same way.
 */
class AggregateStateSerdeTest {

  private static final DataType DECIMAL = DataType.decimal(8, 2);

  @Test
  void everyFunctionsStateRoundTripsThroughItsSerde() {
    List<AggregateCall> calls = new ArrayList<>();
    calls.add(new AggregateCall(AggregateFunction.COUNT, List.of(), DataType.BIGINT));
    for (AggregateFunction f : List.of(AggregateFunction.SUM, AggregateFunction.AVG, AggregateFunction.STDDEV_SAMP)) {
      calls.add(call(f, ref(DECIMAL), f == AggregateFunction.SUM ? DECIMAL : DataType.DOUBLE));
    }
    calls.add(call(AggregateFunction.MIN, ref(DataType.TIMESTAMP), DataType.TIMESTAMP));
    calls.add(call(AggregateFunction.MAX, ref(DataType.DATE), DataType.DATE));
    calls.add(call(AggregateFunction.COUNT_DISTINCT, ref(DataType.BYTES), DataType.BIGINT));
    calls.add(new AggregateCall(AggregateFunction.LATEST_BY_OFFSET,
        List.of(ref(DataType.TIME), new Literal("false", DataType.BOOLEAN)), DataType.TIME));
    calls.add(call(AggregateFunction.EARLIEST_BY_OFFSET, ref(DataType.TIME), DataType.TIME));
    calls.add(call(AggregateFunction.COLLECT_LIST, ref(DataType.TIME), DataType.array(DataType.TIME)));
    calls.add(call(AggregateFunction.COLLECT_SET, ref(DataType.BYTES), DataType.array(DataType.BYTES)));
    calls.add(new AggregateCall(AggregateFunction.TOPK,
        List.of(ref(DataType.DATE), new Literal("2", DataType.INTEGER)), DataType.array(DataType.DATE)));
    calls.add(new AggregateCall(AggregateFunction.TOPKDISTINCT,
        List.of(ref(DataType.TIMESTAMP), new Literal("2", DataType.INTEGER)), DataType.array(DataType.TIMESTAMP)));
    calls.add(call(AggregateFunction.HISTOGRAM, ref(DataType.STRING), DataType.map(DataType.BIGINT)));
    Accumulators functions = Accumulators.of(calls, false);
    AggregateStateSerde serde = new AggregateStateSerde(functions);

    AggregateState state = functions.newState();
    state.apply(AggregateInput.adding(row(1, "1.25", 5, "a")));
    state.apply(AggregateInput.adding(row(2, null, 7, null)));
    AggregateState restored = serde.deserialize("t", serde.serialize("t", state));
    assertEquals(results(state), results(restored));

    Object[] third = row(3, "2.50", 6, "b");
    state.apply(AggregateInput.adding(third));
    restored.apply(AggregateInput.adding(third));
    assertEquals(results(state), results(restored));
    assertEquals(3L, results(restored).get(0));
  }

  @Test
  void aTableStateUndoesRowsAfterARoundTrip() {
    Accumulators functions = Accumulators.of(List.of(
        call(AggregateFunction.COUNT_DISTINCT, ref(DataType.STRING), DataType.BIGINT),
        call(AggregateFunction.HISTOGRAM, ref(DataType.STRING), DataType.map(DataType.BIGINT))), true);
    AggregateStateSerde serde = new AggregateStateSerde(functions);
    AggregateState state = functions.newState();
    state.apply(AggregateInput.adding(new Object[] {"x", "x"}));
    state.apply(AggregateInput.adding(new Object[] {"y", "y"}));
    AggregateState restored = serde.deserialize("t", serde.serialize("t", state));
    restored.apply(new AggregateInput(new Object[] {"x", "x"}, null));
    assertEquals(1L, restored.rows());
    assertEquals(1L, restored.result(0));
    assertEquals(Map.of("y", 1L), restored.result(1));
  }

  private static Object[] row(int i, String decimal, long day, String text) {
    BigDecimal d = decimal == null ? null : new BigDecimal(decimal);
    Instant ts = Instant.ofEpochMilli(1000L * i);
    LocalDate date = LocalDate.ofEpochDay(day);
    byte[] bytes = text == null ? null : text.getBytes();
    LocalTime time = text == null ? null : LocalTime.of(i, 0);
    return new Object[] {d, d, d, ts, date, bytes, time, time, time, bytes, date, ts, text};
  }

  private static List<Object> results(AggregateState state) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      Object result = state.result(i);
      if (result instanceof List<?> list) {
        result = list.stream().map(v -> v instanceof byte[] b ? Arrays.toString(b) : v).toList();
      }
      out.add(result);
    }
    return out;
  }

  private static AggregateCall call(AggregateFunction function, Expr arg, DataType type) {
    return new AggregateCall(function, List.of(arg), type);
  }

  private static InputRef ref(DataType type) {
    return new InputRef(0, type);
  }
}

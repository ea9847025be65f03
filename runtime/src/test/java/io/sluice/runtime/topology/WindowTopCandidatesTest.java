package io.sluice.runtime.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.expr.InputRef;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.serde.KeyCodec;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class WindowTopCandidatesTest {

  private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();

  @Test
  void passesOnOnlyTheRowsThatMayStillBeTheirWindowsGreatestOrLatest() {
    WindowTopCandidates candidates = started();
    candidates.process(row(1, 3L, 0, 10_000, 5_000));
    candidates.process(row(2, 2L, 0, 10_000, 4_000));
    candidates.process(row(3, 3L, 0, 10_000, 5_000));
    candidates.process(row(4, 7L, 0, 10_000, 1_000));
    candidates.process(row(5, 1L, 0, 10_000, 6_000));
    candidates.process(row(6, null, 0, 10_000, 2_000));
    assertEquals(List.of(1L, 3L, 4L, 5L), forwardedAuctions(),
        "2 is below 3, 6 has no count; 5 is below 7 but the latest so far, whose time the window's result takes");
  }

  @Test
  void aRestartForgetsWhatItSawAndPassesOnMore() {
    started().process(row(1, 7L, 0, 10_000, 5_000));
    started().process(row(2, 3L, 0, 10_000, 4_000));
    assertEquals(List.of(1L, 2L), forwardedAuctions());
  }

  private WindowTopCandidates started() {
    Downstream downstream = new Downstream();
    downstream.resolve(List.of("output"));
    RowSchema keySchema = new RowSchema(List.of(Column.key("KEY0", DataType.BIGINT)));
    JoinKeys keys = new JoinKeys(
        ExpressionCompiler.compileProjector(List.of(new InputRef(2, DataType.BIGINT)),
            new RowSchema(List.of(Column.value("AUCTION", DataType.BIGINT), Column.value("NUM", DataType.BIGINT),
                Column.value("WINDOWSTART", DataType.BIGINT), Column.value("WINDOWEND", DataType.BIGINT))), keySchema),
        KeyCodec.of(keySchema.columns(), SerdeFormat.KAFKA));
    ProcessingLogger logger = new ProcessingLogger("Q1", "join", new QueryStats(), Clock.systemUTC());
    WindowTopCandidates candidates = new WindowTopCandidates(keys, 1, 2, 3, downstream, logger);
    candidates.init(context);
    return candidates;
  }

  private List<Long> forwardedAuctions() {
    return context.forwarded().stream().map(forwarded -> (Long) ((Object[]) forwarded.record().value())[0]).toList();
  }

  private static Record<Object, Object> row(long auction, Long count, long start, long end, long time) {
    return new Record<>(null, new Object[] {auction, count, start, end}, time);
  }
}

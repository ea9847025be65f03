package io.sluice.runtime.topology;

import io.sluice.plan.RowSchema;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.WindowMaxJoinNode;
import io.sluice.runtime.serde.BinaryRowSerde;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a window max join: {@code <id>-local} ({@link WindowMaxCandidates}) passes on the rows
 * that may matter (running the input projection itself when only this step reads it), {@code <id>-repartition} brings them to one task, and {@code <id>}
 * ({@link WindowMaxJoinProcessor}) keeps each window's greatest value and candidates in the store
 * the plan names and writes the joined rows when the window closes.
 */
final class WindowMaxJoinBuilder implements NodeBuilder<WindowMaxJoinNode> {

  @Override
  public KStream<Object, Object> build(WindowMaxJoinNode node, KStream<Object, Object> input, BuildContext context) {
    RowSchema rowSchema = node.input().schema();
    WindowMaxWindows windows = new WindowMaxWindows(node);
    int value = node.valueIndex();
    int time = node.timeIndex();
    String local = node.id() + "-local";
    Downstream localDownstream = context.downstreamOf(local);
    BinaryRowSerde rows = new BinaryRowSerde(rowSchema.types());
    ProjectNode projection = context.projectionRunBy(node);
    ProjectionStep step = projection == null ? null : ProjectionStep.of(projection, local, context);
    LongAdder projected = projection == null ? null : context.stats().nodeRowsOut(projection.id());
    // Read the value and the time before projecting when the projection passes them as they are.
    Expr valueRead = projection == null ? null : projection.expressions().get(value);
    Expr timeRead = projection == null ? null : projection.expressions().get(time);
    boolean asRead = valueRead instanceof InputRef && timeRead instanceof InputRef;
    boolean projectFirst = projection != null && !asRead;
    int valueSlot = asRead ? ((InputRef) valueRead).index() : value;
    int timeSlot = asRead ? ((InputRef) timeRead).index() : time;
    KStream<Object, Object> candidates = input.process(() -> new WindowMaxCandidates(step, projected, projectFirst,
        valueSlot, timeSlot, windows, localDownstream), Named.as(local))
        .repartition(OneTask.repartitioned(node.repartitionName(), rows));
    context.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(node.storeName()),
        Serdes.Bytes(), Serdes.ByteArray()));
    JoinKeys keys = JoinKeys.of(node.keys(), rowSchema, node.key());
    BinaryRowSerde values = new BinaryRowSerde(List.of(rowSchema.column(value).type()));
    ProcessingLogger logger = context.loggerFor(node, node.id());
    Downstream downstream = context.outputOf(node, node.id());
    return candidates.process(() -> new WindowMaxJoinProcessor(node.storeName(), value, time, windows, keys, rows,
        values, context.stats(), logger, downstream), Named.as(node.id()), node.storeName());
  }
}

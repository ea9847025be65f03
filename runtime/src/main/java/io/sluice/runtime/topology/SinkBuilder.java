package io.sluice.runtime.topology;

import io.sluice.plan.WindowSpec;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.ResultListener;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.serde.RowCodec;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Builds a sink: the {@code <id>-serialize} processor that makes key and value bytes, the Kafka
 * sink node {@code <id>-write}, and the processing log sink for rows that cannot be written. The
 * projection before the sink, when only the sink reads it, runs in {@code <id>-serialize} too.
 */
final class SinkBuilder implements NodeBuilder<SinkNode> {

  @Override
  public KStream<Object, Object> build(SinkNode node, KStream<Object, Object> input, BuildContext context) {
    if (node.isToClient()) {
      return buildToClient(node, input, context);
    }
    RowCodec codec = RowCodec.of(node.schema(), node.formats());
    String serialize = NodeNames.serialize(node.id());
    ProcessingLogger logger = context.loggerFor(node, serialize);
    Downstream downstream = context.outputOf(node, serialize);
    WindowSpec window = PlanNodes.window(node);
    WindowedKeys keys = window == null ? null : new WindowedKeys(window.type(), node.topic());
    ProjectNode projection = context.projectionRunBy(node);
    ProjectionStep step = projection == null ? null : ProjectionStep.of(projection, serialize, context);
    LongAdder projected = projection == null ? null : context.stats().nodeRowsOut(projection.id());
    KStream<byte[], byte[]> written = input.process(
        () -> new SinkProcessor(step, projected, codec, keys, downstream, logger, context.stats()), Named.as(serialize));
    written.to(node.topic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(NodeNames.write(node.id())));
    return null;
  }

  /** A sink to the client: the terminal processor {@code <id>-deliver} hands rows to the query's listener. */
  private static KStream<Object, Object> buildToClient(SinkNode node, KStream<Object, Object> input,
      BuildContext context) {
    ResultListener listener = context.listener();
    if (listener == null) {
      throw new UnsupportedPlanException("query " + node.id() + " delivers rows to a client, but has none");
    }
    QueryStats stats = context.stats();
    input.process(() -> new ClientSinkProcessor(listener, stats), Named.as(NodeNames.deliver(node.id())));
    return null;
  }
}

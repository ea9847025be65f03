package io.sluice.runtime.topology;

import io.sluice.plan.node.SinkNode;
import io.sluice.runtime.serde.RowCodec;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Builds a sink: the {@code <id>-serialize} processor that makes key and value bytes, the Kafka
 * sink node {@code <id>-write}, and the processing log sink for rows that cannot be written.
 */
final class SinkBuilder implements NodeBuilder<SinkNode> {

  @Override
  public String entryName(SinkNode node) {
    return NodeNames.serialize(node.id());
  }

  @Override
  public String exitName(SinkNode node) {
    return NodeNames.write(node.id());
  }

  @Override
  public void build(SinkNode node, BuildContext context) {
    RowCodec codec = RowCodec.of(node.schema(), node.formats());
    String serialize = NodeNames.serialize(node.id());
    String write = NodeNames.write(node.id());
    ProcessingLogger logger = context.loggerFor(node);
    context.topology().addProcessor(serialize,
        () -> new SinkProcessor(codec, write, logger, context.stats()), context.exitOf(node.input()));
    context.topology().addSink(write, node.topic(), new ByteArraySerializer(), new ByteArraySerializer(), serialize);
    context.addProcessingLogSink(node, serialize);
  }
}

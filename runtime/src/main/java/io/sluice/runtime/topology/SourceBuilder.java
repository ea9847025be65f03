package io.sluice.runtime.topology;

import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.PseudoColumn;
import io.sluice.plan.RowSchema;
import io.sluice.plan.node.SourceNode;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.serde.RowCodec;
import java.util.Arrays;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Builds a source: the Kafka source node {@code <id>-read} with the source's timestamp extractor,
 * the {@code <id>-deserialize} processor that makes rows, and its processing log sink.
 */
final class SourceBuilder implements NodeBuilder<SourceNode> {

  @Override
  public String entryName(SourceNode node) {
    return NodeNames.read(node.id());
  }

  @Override
  public String exitName(SourceNode node) {
    return NodeNames.deserialize(node.id());
  }

  @Override
  public void build(SourceNode node, BuildContext context) {
    if (node.table()) {
      throw new UnsupportedPlanException(
          "source " + node.sourceName() + " is a TABLE; persistent queries can read streams only so far");
    }
    RowSchema schema = node.schema();
    RowCodec codec = RowCodec.of(schema, node.formats());
    SourceProcessor.PseudoSlots pseudo = pseudoSlots(schema);
    EventTime eventTime = node.timestamp() == null ? null : EventTime.of(node.timestamp(), schema);
    String read = NodeNames.read(node.id());
    String deserialize = NodeNames.deserialize(node.id());
    Downstream downstream = context.downstreamOf(node);
    ProcessingLogger logger = context.loggerFor(node);

    context.topology().addSource((AutoOffsetReset) null, read, extractor(codec, eventTime),
        new ByteArrayDeserializer(), new ByteArrayDeserializer(), node.topic());
    context.topology().addProcessor(deserialize,
        () -> new SourceProcessor(codec, pseudo, eventTime, downstream, logger, context.stats()), read);
    context.addProcessingLogSink(node, deserialize);
  }

  private static TimestampExtractor extractor(RowCodec codec, EventTime eventTime) {
    if (eventTime == null) {
      return new RecordTimeExtractor();
    }
    Column column = codec.schema().column(eventTime.column());
    if (column.kind() == ColumnKind.PSEUDO) {
      throw new UnsupportedPlanException("timestamp column " + column.name() + " must be a key or value column");
    }
    boolean inKey = column.kind() == ColumnKind.KEY;
    int[] positions = inKey ? codec.keyPositions() : codec.valuePositions();
    int codecColumn = indexOf(positions, eventTime.column());
    return new ColumnTimestampExtractor(
        inKey ? codec.keyCodec() : codec.valueCodec(), codecColumn, inKey, eventTime);
  }

  private static SourceProcessor.PseudoSlots pseudoSlots(RowSchema schema) {
    int[] slots = new int[PseudoColumn.values().length];
    Arrays.fill(slots, -1);
    for (int i = 0; i < schema.size(); i++) {
      Column column = schema.column(i);
      if (column.kind() != ColumnKind.PSEUDO) {
        continue;
      }
      if (!PseudoColumn.isPseudo(column.name())) {
        throw new UnsupportedPlanException("unknown pseudo column " + column.name());
      }
      slots[PseudoColumn.valueOf(column.name()).ordinal()] = i;
    }
    return new SourceProcessor.PseudoSlots(
        slots[PseudoColumn.ROWTIME.ordinal()],
        slots[PseudoColumn.ROWPARTITION.ordinal()],
        slots[PseudoColumn.ROWOFFSET.ordinal()]);
  }

  private static int indexOf(int[] positions, int slot) {
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] == slot) {
        return i;
      }
    }
    throw new IllegalStateException("column #" + slot + " is not in the codec");
  }
}

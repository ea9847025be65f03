package io.sluice.runtime.topology;

import io.sluice.plan.Column;
import io.sluice.plan.PseudoColumn;
import io.sluice.plan.RowSchema;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.JoinSide;
import io.sluice.plan.node.JoinType;
import io.sluice.plan.node.JoinWindow;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.runtime.QueryStats;
import io.sluice.runtime.UnsupportedPlanException;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowPredicate;
import io.sluice.runtime.expr.RowProjector;
import io.sluice.runtime.serde.BinaryRowSerde;
import io.sluice.runtime.serde.KeyCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.kstream.ValueJoiner;

/**
 * Builds a join. Each side is first keyed by the join key: a side to repartition passes
 * {@code <id>-left|right-key}, which serializes its join key, and the repartition topic
 * {@code <id>-left|right-repartition}; then a stream side's {@code <id>-left|right-gate} drops its
 * key-less records and, in a stream-stream join, its late ones. Then, by kind: a stream-stream join is Kafka Streams' windowed join
 * named {@code <id>}, with the window stores the plan names; a stream-table join is
 * {@code <id>-lookup}, reading the table source's store; a table-table join is {@code <id>-left}
 * and {@code <id>-right}, each joining one side's changes with the other side's store, merged in
 * {@code <id>-merge}.
 */
final class JoinBuilder implements NodeBuilder<JoinNode> {

  @Override
  public KStream<Object, Object> build(JoinNode node, KStream<Object, Object> input, BuildContext context) {
    JoinRows rows = new JoinRows(node.left().input().schema().size(), node.right().input().schema().size());
    return switch (node.kind()) {
      case STREAM_STREAM -> streamStream(node, rows, context);
      case STREAM_TABLE -> streamTable(node, rows, context);
      case TABLE_TABLE -> tableTable(node, rows, context);
      case FOREIGN_KEY -> throw new UnsupportedPlanException("foreign-key joins are not supported yet");
    };
  }

  private static KStream<Object, Object> streamStream(JoinNode node, JoinRows rows, BuildContext context) {
    JoinWindow window = node.window();
    boolean rightDrives = node.type() == JoinType.RIGHT;
    // A record is late once no record it could join may still arrive: the window reaches `after`
    // past the driving side's records and `before` past the other side's.
    long leftLate = (rightDrives ? window.before() : window.after()) + window.grace();
    long rightLate = (rightDrives ? window.after() : window.before()) + window.grace();
    KStream<Object, Object> left = keyed(node, "left", node.left(), leftLate, context);
    KStream<Object, Object> right = keyed(node, "right", node.right(), rightLate, context);
    JoinWindows windows = JoinWindows.ofTimeDifferenceAndGrace(Duration.ZERO, Duration.ofMillis(window.grace()))
        .before(Duration.ofMillis(window.before())).after(Duration.ofMillis(window.after()));
    Serde<Object> leftRows = rowSerde(node.left().input().schema());
    Serde<Object> rightRows = rowSerde(node.right().input().schema());
    Serde<Object> keys = untyped(Serdes.ByteArray());
    ValueJoiner<Object, Object, Object> joiner = (l, r) -> rows.join((Object[]) l, (Object[]) r);
    if (rightDrives) {
      // As ksqlDB: the right side drives, and the window is measured from its records.
      ValueJoiner<Object, Object, Object> swapped = (r, l) -> rows.join((Object[]) l, (Object[]) r);
      return right.leftJoin(left, swapped, windows,
          StreamJoined.with(keys, rightRows, leftRows).withName(node.id()).withStoreName(node.id()));
    }
    StreamJoined<Object, Object, Object> joined =
        StreamJoined.with(keys, leftRows, rightRows).withName(node.id()).withStoreName(node.id());
    return switch (node.type()) {
      case INNER -> left.join(right, joiner, windows, joined);
      case LEFT -> left.leftJoin(right, joiner, windows, joined);
      default -> left.outerJoin(right, joiner, windows, joined);
    };
  }

  private static KStream<Object, Object> streamTable(JoinNode node, JoinRows rows, BuildContext context) {
    KStream<Object, Object> left = keyed(node, "left", node.left(), JoinSideGate.NEVER_LATE, context);
    TableView table = tableView(node.right().input());
    boolean keepUnmatched = node.type() == JoinType.LEFT;
    String lookup = node.id() + "-lookup";
    Downstream downstream = context.downstreamOf(lookup);
    return left.processValues(() -> new StreamTableJoinProcessor(table, keepUnmatched, rows, downstream),
        Named.as(lookup), table.storeName());
  }

  private static KStream<Object, Object> tableTable(JoinNode node, JoinRows rows, BuildContext context) {
    PlanNode leftInput = node.left().input();
    PlanNode rightInput = node.right().input();
    String leftStep = node.id() + "-left";
    String rightStep = node.id() + "-right";
    Downstream leftDownstream = context.downstreamOf(leftStep);
    Downstream rightDownstream = context.downstreamOf(rightStep);
    int leftRowtime = rowtimeSlot(leftInput.schema());
    int rightRowtime = rowtimeSlot(rightInput.schema());
    KStream<Object, Object> leftChanges = context.streamOf(leftInput);
    KStream<Object, Object> rightChanges = context.streamOf(rightInput);
    TableView leftView = tableView(leftInput);
    TableView rightView = tableView(rightInput);
    KStream<Object, Object> fromLeft = leftChanges.processValues(
        () -> new TableTableJoinProcessor(true, node.type(), tableView(rightInput), rightRowtime, rows, leftDownstream),
        Named.as(leftStep), rightView.storeName());
    KStream<Object, Object> fromRight = rightChanges.processValues(
        () -> new TableTableJoinProcessor(false, node.type(), tableView(leftInput), leftRowtime, rows, rightDownstream),
        Named.as(rightStep), leftView.storeName());
    return fromLeft.merge(fromRight, Named.as(node.id() + "-merge"));
  }

  /**
   * A side's stream keyed by the join key (through its repartition topic if it has one), its
   * key-less and late records dropped by {@code <id>-left|right-gate}.
   */
  private static KStream<Object, Object> keyed(JoinNode node, String sideName, JoinSide side, long lateAfter,
      BuildContext context) {
    KStream<Object, Object> stream = side.repartition() == null ? context.streamOf(side.input())
        : repartitioned(node, sideName, side, context);
    String gate = node.repartitionName(sideName) + "-gate";
    Downstream downstream = context.downstreamOf(gate);
    QueryStats stats = context.stats();
    return stream.processValues(() -> new JoinSideGate(lateAfter, downstream, stats), Named.as(gate));
  }

  /** A side's rows re-keyed by {@code <id>-left|right-key} and sent through the side's repartition topic. */
  private static KStream<Object, Object> repartitioned(JoinNode node, String sideName, JoinSide side,
      BuildContext context) {
    KStream<Object, Object> stream = context.streamOf(side.input());
    String step = node.repartitionName(sideName) + "-key";
    Downstream downstream = context.downstreamOf(step);
    RowSchema schema = side.input().schema();
    RowSchema keySchema = new RowSchema(node.key().columns());
    RowProjector keys = ExpressionCompiler.compileProjector(side.keys(), schema, keySchema);
    KeyCodec codec = KeyCodec.of(node.key().columns(), node.key().format());
    ProcessingLogger logger = context.loggerFor(node, step);
    KStream<Object, Object> rekeyed = stream.process(() -> new JoinKeyProcessor(keys, codec, downstream, logger),
        Named.as(step));
    return rekeyed.repartition(Repartitioned.<Object, Object>as(node.repartitionName(sideName))
        .withKeySerde(untyped(Serdes.ByteArray()))
        .withValueSerde(rowSerde(schema))
        .withNumberOfPartitions(side.repartition()));
  }

  /** The view of a table side: its source's store, through the filters between the source and the join. */
  private static TableView tableView(PlanNode side) {
    List<RowPredicate> filters = new ArrayList<>();
    PlanNode node = side;
    while (node instanceof FilterNode filter) {
      filters.add(0, ExpressionCompiler.compilePredicate(filter.predicate(), filter.input().schema()));
      node = filter.input();
    }
    if (!(node instanceof SourceNode source) || !source.table()) {
      throw new UnsupportedPlanException("a table side of a join must be a table read from its topic, optionally "
          + "filtered; joining the result of another table-table join is not supported yet");
    }
    return new TableView(NodeNames.tableStore(source.id()), filters);
  }

  private static int rowtimeSlot(RowSchema schema) {
    for (int i = 0; i < schema.size(); i++) {
      Column column = schema.column(i);
      if (column.name().equals(PseudoColumn.ROWTIME.name()) && column.type().equals(PseudoColumn.ROWTIME.type())) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static Serde<Object> rowSerde(RowSchema schema) {
    Serde<?> serde = new BinaryRowSerde(schema.columns().stream().map(Column::type).toList());
    return (Serde<Object>) serde;
  }

  @SuppressWarnings("unchecked")
  private static Serde<Object> untyped(Serde<?> serde) {
    return (Serde<Object>) serde;
  }
}

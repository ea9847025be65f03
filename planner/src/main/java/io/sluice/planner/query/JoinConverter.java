package io.sluice.planner.query;

import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.EmitMode;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinKey;
import io.sluice.plan.node.JoinKind;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.JoinSide;
import io.sluice.plan.node.JoinType;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Plans one join: what it joins (stream-stream, stream-table, table-table, foreign key), on which
 * key, and which side must be repartitioned to be keyed and partitioned like the other.
 *
 * <p>Repartition rule: a side read straight from its topic (or from an earlier join) and joined on
 * exactly its key columns keeps its records as they are. A table side must be (tables are joined
 * on their primary key and never repartitioned). A stream side that is not keyed by the join, or
 * whose key format or partition count differs from the other side's, is re-keyed through a
 * repartition topic with the other side's key format and partition count. When neither side of a
 * stream-stream join is keyed by the join, both are repartitioned, to the larger partition count.
 * Two tables whose topics differ in partition count or key format cannot be joined on their keys;
 * a foreign-key join (a table joined on an expression of its columns to another table's primary
 * key) needs neither side repartitioned and takes any partition counts, and so does a stream
 * joined with a GLOBAL table.
 */
final class JoinConverter {

  private static final Set<TypeName> KAFKA_KEY_TYPES =
      EnumSet.of(TypeName.INTEGER, TypeName.BIGINT, TypeName.DOUBLE, TypeName.STRING, TypeName.BYTES);

  private final CatalogView catalog;
  private final SqlParserPos pos;

  JoinConverter(CatalogView catalog, SqlParserPos pos) {
    this.catalog = catalog;
    this.pos = pos;
  }

  /** The join node of {@code join} over the plan nodes of its sides, whose rows are Calcite's columns of each side. */
  JoinNode convert(Join join, String id, PlanNode left, PlanNode right, JoinCondition condition) {
    JoinType type = switch (join.getJoinType()) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.RIGHT;
      case FULL -> JoinType.FULL;
      default -> throw new PlanningException(join.getJoinType() + " joins are not supported", pos);
    };
    refuseSelfJoin(left, right);
    boolean leftTable = joinsAsTable(left);
    boolean rightTable = joinsAsTable(right);
    if (leftTable && !rightTable) {
      throw new PlanningException("A table cannot be joined with a stream on its right: write the stream first "
          + "(" + name(right) + " " + sql(type) + " " + name(left) + "); only stream-table joins are supported", pos);
    }
    checkKeyTypes(condition, left, right);
    KeyedInput leftKeyed = KeyedInput.of(left);
    KeyedInput rightKeyed = KeyedInput.of(right);
    JoinKind kind;
    if (!leftTable && !rightTable) {
      kind = JoinKind.STREAM_STREAM;
      if (condition.window == null && type != JoinType.INNER) {
        throw new PlanningException("An outer stream-stream join needs a WITHIN clause giving how far apart in time "
            + "two records may be to join, such as " + name(left) + " " + sql(type) + " " + name(right)
            + " WITHIN 1 HOUR ON ...: without one, no row would ever be known to be unmatched", pos);
      }
    } else {
      if (condition.window != null) {
        throw new PlanningException("WITHIN is for stream-stream joins only: a join with a table is not windowed; "
            + "drop the WITHIN clause (or the conditions on the two sides' times)", pos);
      }
      if (rightKeyed == null || !rightKeyed.isKeyedBy(condition.rightKeys)) {
        throw new PlanningException("A join with a table must be on the table's primary key: " + name(right)
            + " is joined on " + describe(condition.rightKeys, right) + ", not on " + keyNames(right), pos);
      }
      kind = !leftTable ? JoinKind.STREAM_TABLE
          : leftKeyed != null && leftKeyed.isKeyedBy(condition.leftKeys) ? JoinKind.TABLE_TABLE
          : JoinKind.FOREIGN_KEY;
    }
    if (!kind.allows(type)) {
      throw new PlanningException(sql(type) + " is not supported for a " + describe(kind) + " join ("
          + name(left) + " " + sql(type) + " " + name(right) + "); it can be "
          + String.join(" or ", EnumSet.allOf(JoinType.class).stream().filter(kind::allows).map(JoinConverter::sql).toList()),
          pos);
    }
    if (kind == JoinKind.STREAM_TABLE && isGlobal(right)) {
      // A global table is looked up by the stream row's join key wherever the row is: no repartition.
      return join(id, kind, type, left, asGlobal(right), condition,
          new Keying(new JoinKey(rightKeyed.columns(), rightKeyed.format()), null, null));
    }
    return join(id, kind, type, left, right, condition,
        keying(kind, type, left, right, leftKeyed, rightKeyed, condition));
  }

  private static JoinNode join(String id, JoinKind kind, JoinType type, PlanNode left, PlanNode right,
      JoinCondition condition, Keying keying) {
    List<Column> columns = new ArrayList<>();
    for (PlanNode side : List.of(left, right)) {
      for (Column column : side.schema().columns()) {
        columns.add(column.kind() == ColumnKind.KEY ? Column.value(column.name(), column.type()) : column);
      }
    }
    return new JoinNode(id, kind, type,
        new JoinSide(left, condition.leftKeys, keying.leftRepartition(), keying.leftBroadcast()),
        new JoinSide(right, condition.rightKeys, keying.rightRepartition(), keying.rightBroadcast()),
        keying.key(), condition.window, new RowSchema(columns));
  }

  /**
   * True if a side joins as a table: it emits a table, unless it is a windowed aggregation that
   * writes each window's rows once, when it closes (a window table function's, in a subquery),
   * which joins as the stream of those rows.
   */
  private static boolean joinsAsTable(PlanNode side) {
    PlanNode node = belowRowSteps(side);
    if (node instanceof AggregateNode aggregate && aggregate.window() != null && aggregate.emit() == EmitMode.FINAL) {
      return false;
    }
    return PlanNodes.emitsTable(side);
  }

  /** The step under {@code side}'s per-row projections and filters: where its rows come from. */
  private static PlanNode belowRowSteps(PlanNode side) {
    PlanNode node = side;
    while (node instanceof ProjectNode || node instanceof FilterNode) {
      node = node.inputs().get(0);
    }
    return node;
  }

  /**
   * True if {@code side} has at most one row per window: the rows of a windowed aggregation without
   * group columns, written once per window, through per-row projections and filters.
   */
  private static boolean oneRowPerWindow(PlanNode side) {
    PlanNode node = belowRowSteps(side);
    return node instanceof AggregateNode aggregate && aggregate.window() != null
        && aggregate.emit() == EmitMode.FINAL && aggregate.groupBy().isEmpty();
  }

  /**
   * True if {@code side} has at most one row per record of a stream source (through projections and
   * filters): a joined side stores its rows under their record's partition and offset, which must
   * then tell its rows apart without a repartition topic's own offsets.
   */
  private static boolean oneRowPerRecord(PlanNode side) {
    PlanNode node = belowRowSteps(side);
    return node instanceof SourceNode source && !source.table();
  }

  /**
   * Refuses a join that reads one table on both sides: both sides would change with each of its
   * records, in an order the join cannot tell apart. A stream read on both sides is one source
   * feeding both (each record is stored on its side before it probes the other).
   */
  private void refuseSelfJoin(PlanNode left, PlanNode right) {
    Set<String> leftTables = new HashSet<>();
    tablesOf(left, leftTables);
    Set<String> rightTables = new HashSet<>();
    tablesOf(right, rightTables);
    rightTables.retainAll(leftTables);
    if (!rightTables.isEmpty()) {
      throw new PlanningException("A join cannot read the table " + String.join(", ", rightTables) + " on both sides "
          + "yet (a self-join): join it with a table created from it, such as CREATE TABLE copy AS SELECT * FROM "
          + rightTables.iterator().next(), pos);
    }
  }

  private static void tablesOf(PlanNode node, Set<String> out) {
    if (node instanceof SourceNode source && source.table()) {
      out.add(source.sourceName());
    }
    node.inputs().forEach(input -> tablesOf(input, out));
  }

  /** True if {@code side} reads a table declared GLOBAL, through filters only. */
  private boolean isGlobal(PlanNode side) {
    PlanNode node = side;
    while (node instanceof FilterNode filter) {
      node = filter.input();
    }
    return node instanceof SourceNode source
        && catalog.source(source.sourceName()).map(SourceDescriptor::isGlobal).orElse(false);
  }

  /** {@code side} reading its table as a global table. */
  private static PlanNode asGlobal(PlanNode side) {
    if (side instanceof FilterNode filter) {
      return new FilterNode(filter.id(), asGlobal(filter.input()), filter.predicate());
    }
    SourceNode source = (SourceNode) side;
    return new SourceNode(source.id(), source.sourceName(), source.topic(), true, source.schema(), source.formats(),
        source.timestamp(), Boolean.TRUE);
  }

  /** The join key's encoding and the sides' repartitions; a broadcast side's goes to every partition. */
  private record Keying(JoinKey key, Integer leftRepartition, Integer rightRepartition, boolean leftBroadcast,
      boolean rightBroadcast) {

    Keying(JoinKey key, Integer leftRepartition, Integer rightRepartition) {
      this(key, leftRepartition, rightRepartition, false, false);
    }
  }

  private Keying keying(JoinKind kind, JoinType type, PlanNode left, PlanNode right, KeyedInput leftKeyed,
      KeyedInput rightKeyed, JoinCondition condition) {
    boolean leftReady = leftKeyed != null && leftKeyed.isKeyedBy(condition.leftKeys);
    boolean rightReady = rightKeyed != null && rightKeyed.isKeyedBy(condition.rightKeys);
    if (kind != JoinKind.STREAM_STREAM) {
      JoinKey key = new JoinKey(rightKeyed.columns(), rightKeyed.format());
      if (kind == JoinKind.FOREIGN_KEY || (leftReady && matches(leftKeyed, rightKeyed))) {
        // A foreign-key join subscribes each left row to its right row through topics of its own.
        return new Keying(key, null, null);
      }
      if (kind == JoinKind.TABLE_TABLE) {
        throw new PlanningException("Tables " + name(left) + " (topic " + leftKeyed.topic() + ", "
            + leftKeyed.partitions(catalog) + " partitions, key format " + leftKeyed.format() + ") and " + name(right)
            + " (topic " + rightKeyed.topic() + ", " + rightKeyed.partitions(catalog) + " partitions, key format "
            + rightKeyed.format() + ") cannot be joined: a table-table join needs both topics to have the same "
            + "number of partitions and key format; tables are never repartitioned", pos);
      }
      return new Keying(key, rightKeyed.partitions(catalog), null);
    }
    if (leftReady && rightReady && matches(leftKeyed, rightKeyed)) {
      return new Keying(new JoinKey(leftKeyed.columns(), leftKeyed.format()), null, null);
    }
    if (type == JoinType.INNER && condition.window == null && !leftReady && !rightReady) {
      // A side of at most one row per window joins the other where it is: its few rows go to every
      // partition of the other instead of the other's many records being repartitioned.
      if (oneRowPerWindow(right) && oneRowPerRecord(left)) {
        return new Keying(newKey(condition.leftKeys, left), null, KeyedInput.partitions(left, catalog), false, true);
      }
      if (oneRowPerWindow(left) && oneRowPerRecord(right)) {
        return new Keying(newKey(condition.leftKeys, left), KeyedInput.partitions(right, catalog), null, true, false);
      }
    }
    if (leftReady) {
      return new Keying(new JoinKey(leftKeyed.columns(), leftKeyed.format()), null, leftKeyed.partitions(catalog));
    }
    if (rightReady) {
      return new Keying(new JoinKey(rightKeyed.columns(), rightKeyed.format()), rightKeyed.partitions(catalog), null);
    }
    int partitions = Math.max(KeyedInput.partitions(left, catalog), KeyedInput.partitions(right, catalog));
    return new Keying(newKey(condition.leftKeys, left), partitions, partitions);
  }

  /** True if two inputs' records are keyed alike: the same format, key names where they are written, and partitions. */
  private boolean matches(KeyedInput a, KeyedInput b) {
    if (a.format() != b.format() || a.partitions(catalog) != b.partitions(catalog)
        || a.columns().size() != b.columns().size()) {
      return false;
    }
    boolean namesWritten = a.format() == SerdeFormat.JSON && a.columns().size() > 1;
    for (int i = 0; i < a.columns().size(); i++) {
      if (namesWritten && !a.columns().get(i).name().equals(b.columns().get(i).name())) {
        return false;
      }
    }
    return true;
  }

  /** A key encoding for join keys that no side is keyed by: KAFKA for one column it can hold, JSON otherwise. */
  private static JoinKey newKey(List<Expr> keys, PlanNode side) {
    List<Column> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      String name = keys.get(i) instanceof InputRef ref ? side.schema().column(ref.index()).name() : "KEY" + i;
      if (!names.add(name)) {
        name = name + "_" + i;
        names.add(name);
      }
      columns.add(Column.key(name, keys.get(i).type()));
    }
    boolean kafka = columns.size() == 1 && KAFKA_KEY_TYPES.contains(columns.get(0).type().name());
    return new JoinKey(columns, kafka ? SerdeFormat.KAFKA : SerdeFormat.JSON);
  }

  private void checkKeyTypes(JoinCondition condition, PlanNode left, PlanNode right) {
    for (int i = 0; i < condition.leftKeys.size(); i++) {
      Expr l = condition.leftKeys.get(i);
      Expr r = condition.rightKeys.get(i);
      if (!l.type().equals(r.type())) {
        throw new PlanningException("The join condition compares values of different types: "
            + describe(List.of(l), left) + " is " + l.type().sql() + " and " + describe(List.of(r), right) + " is "
            + r.type().sql() + "; CAST one side to the other's type", pos);
      }
    }
  }

  private static String describe(JoinKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static String describe(List<Expr> keys, PlanNode side) {
    List<String> out = new ArrayList<>();
    for (Expr key : keys) {
      out.add(key instanceof InputRef ref ? side.schema().column(ref.index()).name() : "an expression");
    }
    return String.join(", ", out);
  }

  private static String keyNames(PlanNode side) {
    List<String> names = side.schema().keyColumns().stream().map(Column::name).toList();
    return names.isEmpty() ? "a primary key (it has none)" : "its primary key " + String.join(", ", names);
  }

  /** The name of a join side in messages: its source's name, or a description. */
  static String name(PlanNode side) {
    if (side instanceof SourceNode source) {
      return source.sourceName();
    }
    if (side instanceof JoinNode join) {
      return "(" + name(join.left().input()) + " JOIN " + name(join.right().input()) + ")";
    }
    return side.inputs().size() == 1 ? name(side.inputs().get(0)) : "a subquery";
  }

  static String sql(JoinType type) {
    return switch (type) {
      case INNER -> "INNER JOIN";
      case LEFT -> "LEFT JOIN";
      case RIGHT -> "RIGHT JOIN";
      case FULL -> "FULL OUTER JOIN";
    };
  }
}

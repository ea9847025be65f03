package io.sluice.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Operator;
import io.sluice.plan.node.AggregateCall;
import io.sluice.plan.node.AggregateFunction;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.JoinKey;
import io.sluice.plan.node.JoinKind;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.JoinSide;
import io.sluice.plan.node.JoinType;
import io.sluice.plan.node.JoinWindow;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.plan.node.WindowJoinNode;
import io.sluice.plan.node.WindowMaxJoinNode;
import io.sluice.plan.node.WindowTopNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanJsonTest {

  static PhysicalPlan samplePlan() {
    List<Column> cols = new ArrayList<>();
    cols.add(Column.key("ID", DataType.BIGINT));
    cols.add(Column.value("NAME", DataType.STRING));
    cols.add(Column.value("PRICE", DataType.decimal(10, 2)));
    cols.addAll(PseudoColumn.columns());
    RowSchema sourceSchema = new RowSchema(cols);
    SourceNode source = new SourceNode("source", "ORDERS", "orders", false, sourceSchema,
        new Formats(SerdeFormat.KAFKA, SerdeFormat.JSON), new TimestampSpec(3, null));
    FilterNode filter = new FilterNode("filter", source,
        Call.of(Operator.GREATER_THAN, DataType.BOOLEAN, new InputRef(2, DataType.decimal(10, 2)),
            new Literal("9.99", DataType.decimal(10, 2))));
    ProjectNode project = new ProjectNode("project", filter,
        List.of(new InputRef(0, DataType.BIGINT),
            Call.of(Operator.UPPER, DataType.STRING, new InputRef(1, DataType.STRING)),
            Literal.nullOf(DataType.STRING)),
        RowSchema.of(Column.key("ID", DataType.BIGINT), Column.value("NAME", DataType.STRING),
            Column.value("NOTE", DataType.STRING)));
    SinkNode sink = new SinkNode("sink", project, "BIG_ORDERS", "big_orders",
        new Formats(SerdeFormat.KAFKA, SerdeFormat.JSON));
    return PhysicalPlan.of("CSAS_BIG_ORDERS_1", sink);
  }

  @Test
  void planSurvivesAJsonRoundTrip() {
    PhysicalPlan plan = samplePlan();
    String json = PlanJson.write(plan);
    assertEquals(plan, PlanJson.read(json));
    assertTrue(json.contains("\"version\":1"), json);
  }

  @Test
  void nodesAreListedInputsFirst() {
    List<String> ids = samplePlan().nodes().stream().map(n -> n.id()).toList();
    assertEquals(List.of("source", "filter", "project", "sink"), ids);
  }

  @Test
  void planFromANewerServerIsRefused() {
    String json = PlanJson.write(samplePlan()).replace("\"version\":1", "\"version\":99");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanJson.read(json));
    assertTrue(e.getMessage().contains("newer"), e.getMessage());
  }

  @Test
  void anAggregationInPlaceSaysSoInItsJsonAndAPlanWithoutItRepartitionsAsBefore() {
    SourceNode source = (SourceNode) ((FilterNode) ((ProjectNode) samplePlan().root().input()).input()).input();
    AggregateNode aggregate = new AggregateNode("aggregate", source,
        List.of(new InputRef(0, DataType.BIGINT), new InputRef(1, DataType.STRING)),
        List.of(new AggregateCall(AggregateFunction.COUNT, List.of(), DataType.BIGINT)), null, EmitMode.CHANGES,
        "aggregate-store", RowSchema.of(Column.key("ID", DataType.BIGINT), Column.key("NAME", DataType.STRING),
            Column.value("N", DataType.BIGINT)), null, 0, null);
    PhysicalPlan plan = PhysicalPlan.of("CTAS_N_1", new SinkNode("sink", aggregate, "N", "n",
        new Formats(SerdeFormat.JSON, SerdeFormat.JSON)));
    String json = PlanJson.write(plan);
    assertEquals(plan, PlanJson.read(json));
    assertTrue(json.contains(",\"inputPartitionKey\":0"), json);

    PhysicalPlan older = PlanJson.read(json.replace(",\"inputPartitionKey\":0", ""));
    assertFalse(((AggregateNode) older.root().input()).aggregatesInPlace());
  }

  @Test
  void anAggregationInPanesSaysSoInItsJsonAndAPlanWithoutItKeepsItsWindows() {
    SourceNode source = (SourceNode) ((FilterNode) ((ProjectNode) samplePlan().root().input()).input()).input();
    WindowSpec hopping = new WindowSpec(WindowType.HOPPING, 10_000, 4_000L, 0, 10_000);
    AggregateNode aggregate = pannedCount(source, hopping, EmitMode.FINAL,
        new AggregateCall(AggregateFunction.COUNT, List.of(), DataType.BIGINT));
    assertEquals(2_000, aggregate.paneSize());
    PhysicalPlan plan = PhysicalPlan.of("CTAS_N_1", new SinkNode("sink", aggregate, "N", "n",
        new Formats(SerdeFormat.JSON, SerdeFormat.JSON)));
    String json = PlanJson.write(plan);
    assertEquals(plan, PlanJson.read(json));
    assertTrue(json.contains(",\"panes\":true"), json);

    PhysicalPlan older = PlanJson.read(json.replace(",\"panes\":true", ""));
    assertFalse(((AggregateNode) older.root().input()).keepsPanes());
  }

  @Test
  void aWindowedAggregationStaysInPlaceOnlyInPanes() {
    SourceNode source = (SourceNode) ((FilterNode) ((ProjectNode) samplePlan().root().input()).input()).input();
    WindowSpec tumbling = new WindowSpec(WindowType.TUMBLING, 10_000, null, 0, 10_000);
    List<Expr> byIdAndName = List.of(new InputRef(0, DataType.BIGINT), new InputRef(1, DataType.STRING));
    RowSchema schema = RowSchema.of(Column.key("ID", DataType.BIGINT), Column.key("NAME", DataType.STRING),
        Column.value("N", DataType.BIGINT), new Column(WindowSpec.START_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO),
        new Column(WindowSpec.END_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO));
    List<AggregateCall> count = List.of(new AggregateCall(AggregateFunction.COUNT, List.of(), DataType.BIGINT));
    AggregateNode inPanes = new AggregateNode("aggregate", source, byIdAndName, count, tumbling, EmitMode.FINAL,
        "aggregate-store", schema, null, 0, Boolean.TRUE);
    assertTrue(inPanes.aggregatesInPlace());
    assertThrows(IllegalArgumentException.class, () -> new AggregateNode("aggregate", source, byIdAndName, count,
        tumbling, EmitMode.FINAL, "aggregate-store", schema, null, 0, null), "its windows, not panes");
  }

  @Test
  void panesAreRefusedWhereMergingPanesCouldChangeTheResult() {
    SourceNode source = (SourceNode) ((FilterNode) ((ProjectNode) samplePlan().root().input()).input()).input();
    WindowSpec tumbling = new WindowSpec(WindowType.TUMBLING, 10_000, null, 0, 10_000);
    AggregateCall count = new AggregateCall(AggregateFunction.COUNT, List.of(), DataType.BIGINT);
    AggregateCall doubleSum = new AggregateCall(AggregateFunction.SUM,
        List.of(Call.of(Operator.CAST, DataType.DOUBLE, new InputRef(0, DataType.BIGINT))), DataType.DOUBLE);
    AggregateCall latest = new AggregateCall(AggregateFunction.LATEST_BY_OFFSET,
        List.of(new InputRef(1, DataType.STRING)), DataType.STRING);
    assertThrows(IllegalArgumentException.class, () -> pannedCount(source, tumbling, EmitMode.CHANGES, count));
    assertThrows(IllegalArgumentException.class, () -> pannedCount(source, tumbling, EmitMode.FINAL, doubleSum));
    assertThrows(IllegalArgumentException.class, () -> pannedCount(source, tumbling, EmitMode.FINAL, latest));
    WindowSpec finelyHopping = new WindowSpec(WindowType.HOPPING, 10_001, 10L, 0, 10_001);
    assertThrows(IllegalArgumentException.class, () -> pannedCount(source, finelyHopping, EmitMode.FINAL, count));
  }

  @Test
  void aBroadcastJoinSideSaysSoInItsJsonAndOnlyAnUnboundedInnerStreamJoinHasOne() {
    SourceNode source = (SourceNode) ((FilterNode) ((ProjectNode) samplePlan().root().input()).input()).input();
    JoinSide stays = new JoinSide(source, List.of(new InputRef(0, DataType.BIGINT)), null);
    JoinSide broadcast = new JoinSide(source, List.of(new InputRef(0, DataType.BIGINT)), 4, true);
    JoinNode join = join(JoinType.INNER, stays, broadcast, null);
    PhysicalPlan plan = PhysicalPlan.of("CSAS_J_1", new SinkNode("sink", join, "J", "j",
        new Formats(SerdeFormat.KAFKA, SerdeFormat.JSON)));
    String json = PlanJson.write(plan);
    assertEquals(plan, PlanJson.read(json));
    assertTrue(json.contains("\"repartition\":4,\"broadcast\":true"), json);
    assertTrue(PlanPrinter.print(plan).contains("broadcast right to every partition of join-right-repartition"));

    JoinWindow window = new JoinWindow(1_000, 1_000, 0);
    assertThrows(IllegalArgumentException.class, () -> join(JoinType.INNER, stays, broadcast, window));
    JoinSide repartitioned = new JoinSide(source, List.of(new InputRef(0, DataType.BIGINT)), 4);
    assertThrows(IllegalArgumentException.class, () -> join(JoinType.INNER, repartitioned, broadcast, null));
    assertThrows(IllegalArgumentException.class, () -> new JoinSide(source, stays.keys(), null, true));
  }

  @Test
  void aWindowTopSurvivesAJsonRoundTripAndNeedsWindowedRows() {
    SourceNode source = (SourceNode) ((FilterNode) ((ProjectNode) samplePlan().root().input()).input()).input();
    WindowSpec tumbling = new WindowSpec(WindowType.TUMBLING, 10_000, null, 0, 10_000);
    AggregateNode counts = pannedCount(source, tumbling, EmitMode.FINAL,
        new AggregateCall(AggregateFunction.COUNT, List.of(), DataType.BIGINT));
    List<Column> columns = new ArrayList<>();
    counts.schema().columns()
        .forEach(c -> columns.add(c.kind() == ColumnKind.KEY ? Column.value(c.name(), c.type()) : c));
    columns.add(Column.value("MAXN", DataType.BIGINT));
    columns.add(new Column(WindowSpec.START_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO));
    columns.add(new Column(WindowSpec.END_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO));
    WindowTopNode top = new WindowTopNode("join", counts, 1, List.of(new InputRef(2, DataType.BIGINT)),
        new JoinKey(List.of(Column.key("WINDOWSTART", DataType.BIGINT)), SerdeFormat.KAFKA), tumbling, "join-store",
        new RowSchema(columns));
    assertEquals(2, top.startIndex());
    assertEquals(3, top.endIndex());
    PhysicalPlan plan = PhysicalPlan.of("CSAS_HOT_1", new SinkNode("sink", top, "HOT", "hot",
        new Formats(SerdeFormat.KAFKA, SerdeFormat.JSON)));
    String json = PlanJson.write(plan);
    assertEquals(plan, PlanJson.read(json));
    assertTrue(json.contains("\"node\":\"windowTop\""), json);
    assertTrue(PlanPrinter.print(plan).contains("rows at the greatest N of their window"), PlanPrinter.print(plan));

    List<Column> overSource = new ArrayList<>(source.schema().columns());
    overSource.addAll(columns.subList(columns.size() - 3, columns.size()));
    assertThrows(IllegalArgumentException.class, () -> new WindowTopNode("join", source, 1, top.keys(), top.key(),
        tumbling, "join-store", new RowSchema(overSource)), "a source's rows have no window bounds");
  }

  @Test
  void aWindowJoinSurvivesAJsonRoundTripAndNeedsTheWindowAndOneGroupColumnOfEachSide() {
    SourceNode source = (SourceNode) ((FilterNode) ((ProjectNode) samplePlan().root().input()).input()).input();
    WindowSpec tumbling = new WindowSpec(WindowType.TUMBLING, 10_000, null, 0, 10_000);
    AggregateNode people = groupCount("aggregate", source, tumbling, 0, 1, 0);
    AggregateNode names = groupCount("aggregate2", source, tumbling, 1, 0, null);
    Expr start = new InputRef(3, DataType.BIGINT);
    JoinSide inPlace = new JoinSide(people, List.of(new InputRef(0, DataType.BIGINT), start), null);
    JoinSide repartitioned = new JoinSide(names, List.of(new InputRef(1, DataType.BIGINT), start), 4);
    JoinKey key = new JoinKey(List.of(Column.key("ID", DataType.BIGINT), Column.key("WINDOWSTART", DataType.BIGINT)),
        SerdeFormat.JSON);
    List<Column> columns = new ArrayList<>();
    for (AggregateNode side : List.of(people, names)) {
      side.schema().columns().forEach(c -> columns.add(Column.value(c.name(), c.type())));
    }
    RowSchema schema = new RowSchema(columns);
    WindowJoinNode join = new WindowJoinNode("join", inPlace, repartitioned, key, "join-store", schema);
    assertEquals(0, join.partitionKey());
    PhysicalPlan plan = PhysicalPlan.of("CSAS_J_1", new SinkNode("sink", join, "J", "j",
        new Formats(SerdeFormat.JSON, SerdeFormat.JSON)));
    String json = PlanJson.write(plan);
    assertEquals(plan, PlanJson.read(json));
    assertTrue(json.contains("\"node\":\"windowJoin\""), json);
    assertTrue(PlanPrinter.print(plan).contains("inner window join on ID = ID AND WINDOWSTART = WINDOWSTART"),
        PlanPrinter.print(plan));

    JoinSide noWindow = new JoinSide(names, List.of(new InputRef(1, DataType.BIGINT), new InputRef(1,
        DataType.BIGINT)), 4);
    assertThrows(IllegalArgumentException.class, () -> new WindowJoinNode("join", inPlace, noWindow, key, "join-store",
        schema), "two group-by keys and no window");
    JoinSide notInPlace = new JoinSide(names, repartitioned.keys(), null);
    assertThrows(IllegalArgumentException.class, () -> new WindowJoinNode("join", inPlace, notInPlace, key,
        "join-store", schema), "a side aggregated through a repartition cannot stay where it is read");
    AggregateNode hopping = groupCount("aggregate2", source,
        new WindowSpec(WindowType.HOPPING, 10_000, 5_000L, 0, 10_000), 1, 0, null);
    JoinSide otherWindow = new JoinSide(hopping, repartitioned.keys(), 4);
    assertThrows(IllegalArgumentException.class, () -> new WindowJoinNode("join", inPlace, otherWindow, key,
        "join-store", schema), "both sides need the same window");
  }

  @Test
  void aWindowMaxJoinSurvivesAJsonRoundTripAndNeedsATimeColumnAndFewCandidateWindows() {
    SourceNode source = (SourceNode) ((FilterNode) ((ProjectNode) samplePlan().root().input()).input()).input();
    WindowSpec tumbling = new WindowSpec(WindowType.TUMBLING, 10_000, null, 0, 10_000);
    List<Column> columns = new ArrayList<>();
    source.schema().columns().forEach(c -> columns.add(Column.value(c.name(), c.type())));
    columns.add(Column.value("MAXPRICE", DataType.decimal(10, 2)));
    columns.add(new Column(WindowSpec.START_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO));
    columns.add(new Column(WindowSpec.END_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO));
    RowSchema schema = new RowSchema(columns);
    List<Expr> keys = List.of(new InputRef(2, DataType.decimal(10, 2)));
    JoinKey key = new JoinKey(List.of(Column.key("PRICE", DataType.decimal(10, 2))), SerdeFormat.KAFKA);
    WindowMaxJoinNode join = new WindowMaxJoinNode("join", source, 2, 3, 0, 10_000, keys, key, tumbling, "join-store",
        schema);
    PhysicalPlan plan = PhysicalPlan.of("CSAS_Q7_1", new SinkNode("sink", join, "Q7", "q7",
        new Formats(SerdeFormat.KAFKA, SerdeFormat.JSON)));
    String json = PlanJson.write(plan);
    assertEquals(plan, PlanJson.read(json));
    assertTrue(json.contains("\"node\":\"windowMaxJoin\""), json);
    assertTrue(PlanPrinter.print(plan).contains("rows whose PRICE is the greatest of a window ending from ROWTIME to "
        + "ROWTIME + 10 SECONDS"), PlanPrinter.print(plan));

    assertThrows(IllegalArgumentException.class, () -> new WindowMaxJoinNode("join", source, 2, 1, 0, 10_000, keys, key,
        tumbling, "join-store", schema), "a STRING is no time");
    assertThrows(IllegalArgumentException.class, () -> new WindowMaxJoinNode("join", source, 2, 3, 0,
        10_000 * WindowMaxJoinNode.MAX_CANDIDATE_WINDOWS, keys, key, tumbling, "join-store", schema),
        "a row would be a candidate of too many windows");
    WindowSpec session = new WindowSpec(WindowType.SESSION, 10_000, null, 0, 10_000);
    assertThrows(IllegalArgumentException.class, () -> new WindowMaxJoinNode("join", source, 2, 3, 0, 10_000, keys, key,
        session, "join-store", schema), "sessions have no fixed windows to be a candidate of");
  }

  /** A COUNT in panes grouped by two source columns ({@code first} then {@code second}), in place by one or not. */
  private static AggregateNode groupCount(String id, SourceNode source, WindowSpec window, int first, int second,
      Integer inPlace) {
    List<Expr> groupBy = List.of(new InputRef(first, source.schema().column(first).type()),
        new InputRef(second, source.schema().column(second).type()));
    RowSchema schema = RowSchema.of(Column.key(source.schema().column(first).name(), groupBy.get(0).type()),
        Column.key(source.schema().column(second).name(), groupBy.get(1).type()), Column.value("N", DataType.BIGINT),
        new Column(WindowSpec.START_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO),
        new Column(WindowSpec.END_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO));
    return new AggregateNode(id, source, groupBy,
        List.of(new AggregateCall(AggregateFunction.COUNT, List.of(), DataType.BIGINT)), window, EmitMode.FINAL,
        id + "-store", schema, null, inPlace, Boolean.TRUE);
  }

  private static JoinNode join(JoinType type, JoinSide left, JoinSide right, JoinWindow window) {
    List<Column> columns = new ArrayList<>();
    for (JoinSide side : List.of(left, right)) {
      side.input().schema().columns().forEach(c -> columns.add(Column.value(c.name(), c.type())));
    }
    return new JoinNode("join", JoinKind.STREAM_STREAM, type, left, right,
        new JoinKey(List.of(Column.key("ID", DataType.BIGINT)), SerdeFormat.KAFKA), window, new RowSchema(columns));
  }

  /** An aggregation of {@code source} by its ID in panes, of {@code call} only. */
  private static AggregateNode pannedCount(SourceNode source, WindowSpec window, EmitMode emit, AggregateCall call) {
    return new AggregateNode("aggregate", source, List.of(new InputRef(0, DataType.BIGINT)), List.of(call), window,
        emit, "aggregate-store", RowSchema.of(Column.key("ID", DataType.BIGINT), Column.value("N", call.type()),
            new Column(WindowSpec.START_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO),
            new Column(WindowSpec.END_COLUMN, DataType.BIGINT, ColumnKind.PSEUDO)), null, null, Boolean.TRUE);
  }

  @Test
  void decimalNeedsPrecisionAndScale() {
    assertThrows(IllegalArgumentException.class, () -> new DataType(TypeName.DECIMAL, null, null));
    assertEquals("DECIMAL(10, 2)", DataType.decimal(10, 2).sql());
  }
}

package io.sluice.runtime.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.Formats;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.expr.Call;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.plan.expr.Literal;
import io.sluice.plan.expr.Operator;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.runtime.serde.ValueUse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link ColumnUses} finds a plan reads of its sources and uses of its projections. */
class ColumnUsesTest {

  private static final DataType BID = DataType.struct(List.of(
      new DataType.Field("AUCTION", DataType.BIGINT),
      new DataType.Field("PRICE", DataType.BIGINT),
      new DataType.Field("URL", DataType.STRING)));
  private static final SourceNode SOURCE = new SourceNode("source", "N", "n", false,
      new RowSchema(List.of(Column.key("K", DataType.BIGINT), Column.value("EVENT_TYPE", DataType.INTEGER),
          Column.value("BID", BID), Column.value("NOTE", DataType.STRING))),
      new Formats(SerdeFormat.KAFKA, SerdeFormat.JSON), null);

  @Test
  void aViewsUnselectedColumnsAreNeitherReadNorComputed() {
    // CREATE VIEW B AS SELECT K AS AUCTION, BID->PRICE AS PRICE, BID->URL AS URL FROM N WHERE EVENT_TYPE = 2;
    // SELECT AUCTION, PRICE FROM B;
    PlanNode filter = new FilterNode("filter", SOURCE,
        Call.of(Operator.EQUALS, DataType.BOOLEAN, ref(1, DataType.INTEGER), new Literal("2", DataType.INTEGER)));
    ProjectNode view = new ProjectNode("project", filter,
        List.of(ref(0, DataType.BIGINT), field(ref(2, BID), 1), field(ref(2, BID), 2)),
        new RowSchema(List.of(Column.value("AUCTION", DataType.BIGINT), Column.value("PRICE", DataType.BIGINT),
            Column.value("URL", DataType.STRING))));
    ProjectNode query = new ProjectNode("project2", view,
        List.of(ref(0, DataType.BIGINT), ref(1, DataType.BIGINT)),
        new RowSchema(List.of(Column.value("AUCTION", DataType.BIGINT), Column.value("PRICE", DataType.BIGINT))));
    ColumnUses uses = ColumnUses.of(PhysicalPlan.of("Q", SinkNode.toClient("sink", query)));

    assertEquals("[*, *, {1:*}, null]", Arrays.toString(uses.sourceReads(SOURCE)));
    assertEquals(List.of(view.expressions().get(0), view.expressions().get(1), Literal.nullOf(DataType.STRING)),
        uses.usedExpressions(view));
    assertEquals(query.expressions(), uses.usedExpressions(query));
  }

  @Test
  void aWholeStructReadAnywhereIsReadWholeAndATableIsReadWhole() {
    PlanNode filter = new FilterNode("filter", SOURCE,
        Call.of(Operator.IS_NOT_NULL, DataType.BOOLEAN, ref(2, BID)));
    ProjectNode query = new ProjectNode("project", filter, List.of(field(ref(2, BID), 0)),
        new RowSchema(List.of(Column.value("AUCTION", DataType.BIGINT))));
    ColumnUses uses = ColumnUses.of(PhysicalPlan.of("Q", SinkNode.toClient("sink", query)));
    assertEquals(ValueUse.WHOLE, uses.sourceReads(SOURCE)[2]);

    SourceNode table = new SourceNode("source", "T", "t", true, SOURCE.schema(), SOURCE.formats(), null);
    ColumnUses overTable = ColumnUses.of(PhysicalPlan.of("Q", SinkNode.toClient("sink",
        new ProjectNode("project", table, List.of(ref(1, DataType.INTEGER)),
            new RowSchema(List.of(Column.value("EVENT_TYPE", DataType.INTEGER)))))));
    assertNull(overTable.sourceReads(table));
  }

  private static Expr ref(int index, DataType type) {
    return new InputRef(index, type);
  }

  private static Expr field(Expr struct, int position) {
    return Call.of(Operator.FIELD, struct.type().fields().get(position).type(), struct,
        new Literal(String.valueOf(position), DataType.INTEGER));
  }
}

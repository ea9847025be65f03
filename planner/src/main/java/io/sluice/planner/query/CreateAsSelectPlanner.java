package io.sluice.planner.query;

import io.sluice.parser.ast.EmitMode;
import io.sluice.parser.ast.SqlCreateAsSelect;
import io.sluice.plan.Formats;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.SourceType;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import io.sluice.planner.ddl.SinkProperties;

/** Plans CREATE STREAM ... AS SELECT into a new stream and the persistent query that writes it. */
public final class CreateAsSelectPlanner {

  private final CatalogView catalog;

  public CreateAsSelectPlanner(CatalogView catalog) {
    this.catalog = catalog;
  }

  public CreateAsSelectPlan plan(SqlCreateAsSelect statement, String queryId) {
    String name = statement.name().getSimple();
    if (statement.table()) {
      throw new PlanningException(
          "CREATE TABLE AS SELECT is not supported yet: it arrives with GROUP BY aggregations",
          statement.getParserPosition());
    }
    if (statement.emit() == EmitMode.FINAL) {
      throw new PlanningException("EMIT FINAL needs a windowed aggregation, which is not supported yet",
          statement.getParserPosition());
    }
    PlannedSelect select = new QueryPlanner(catalog).plan(statement.query(), statement.partitionBy());
    if (select.readsTable()) {
      throw new PlanningException("The query reads a TABLE, so it produces a table: "
          + "use CREATE TABLE AS SELECT, which is not supported yet", statement.getParserPosition());
    }
    ProjectNode root = select.root();
    Formats inputFormats = catalog.source(select.sourcesRead().get(0)).map(SourceDescriptor::formats).orElse(null);
    SinkProperties sink = SinkProperties.resolve(statement.properties(), name, root.schema().keyColumns(),
        inputFormats, statement.getParserPosition());
    SinkTopicCheck.refuseLoop(catalog, select.sourcesRead(), sink.topic(), statement);
    SourceDescriptor descriptor = new SourceDescriptor(
        name, SourceType.STREAM, sink.topic(), root.schema(), sink.formats(), null, null);
    SinkNode sinkNode = new SinkNode("sink", root, name, sink.topic(), sink.formats());
    PlannedQuery query = new PlannedQuery(
        PhysicalPlan.of(queryId, sinkNode), select.sourcesRead(), name, select.logicalPlan());
    return new CreateAsSelectPlan(descriptor, query, sink.partitions(), sink.replicas(),
        statement.orReplace(), statement.ifNotExists());
  }
}

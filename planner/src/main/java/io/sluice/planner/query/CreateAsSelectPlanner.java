package io.sluice.planner.query;

import io.sluice.parser.ast.SqlCreateAsSelect;
import io.sluice.plan.Formats;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.SourceType;
import io.sluice.plan.node.PlanNodes;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import io.sluice.planner.ddl.SinkProperties;

/**
 * Plans CREATE STREAM|TABLE ... AS SELECT into a new source and the persistent query that writes
 * it: a stream from a query over a stream without aggregation, a table from an aggregation. The
 * new table's key columns are the GROUP BY columns, and its catalog entry records its window. A
 * new stream takes the GRACE_PERIOD of the streams it reads (see {@link StreamGrace}).
 */
public final class CreateAsSelectPlanner {

  private final CatalogView catalog;

  public CreateAsSelectPlanner(CatalogView catalog) {
    this.catalog = catalog;
  }

  public CreateAsSelectPlan plan(SqlCreateAsSelect statement, String queryId) {
    String name = statement.name().getSimple();
    PlannedSelect select = new QueryPlanner(catalog).plan(statement.query(), statement.partitionBy(), statement.emit());
    ProjectNode root = select.root();
    boolean aggregates = PlanNodes.aggregateOf(root) != null;
    boolean table = PlanNodes.emitsTable(root);
    if (statement.table()) {
      refuseTableOfStream(table, root, statement);
    } else if (aggregates) {
      throw new PlanningException("GROUP BY produces a table, not a stream: use CREATE TABLE AS SELECT",
          statement.getParserPosition());
    } else if (table) {
      throw new PlanningException("The query reads a TABLE (or joins tables), so it produces a table: "
          + "use CREATE TABLE AS SELECT", statement.getParserPosition());
    }
    Formats inputFormats = catalog.source(select.sourcesRead().get(0)).map(SourceDescriptor::formats).orElse(null);
    SinkProperties sink = SinkProperties.resolve(statement.properties(), name, root.schema().keyColumns(),
        inputFormats, statement.getParserPosition());
    SinkTopicCheck.refuseLoop(catalog, select.sourcesRead(), sink.topic(), statement);
    // A stream made from streams inherits their grace: its events are theirs, as disordered.
    Long gracePeriod = statement.table() ? null : StreamGrace.of(statement.query(), catalog);
    SourceDescriptor descriptor = new SourceDescriptor(name, statement.table() ? SourceType.TABLE : SourceType.STREAM,
        sink.topic(), root.schema(), sink.formats(), null, null, PlanNodes.window(root), null, gracePeriod);
    SinkNode sinkNode = new SinkNode("sink", root, name, sink.topic(), sink.formats());
    PlannedQuery query = new PlannedQuery(
        PhysicalPlan.of(queryId, sinkNode), select.sourcesRead(), name, select.logicalPlan());
    return new CreateAsSelectPlan(descriptor, query, sink.partitions(), sink.replicas(),
        statement.orReplace(), statement.ifNotExists());
  }

  /** Refuses a CREATE TABLE of a query whose rows are a stream's, or that selects no key for its rows. */
  private static void refuseTableOfStream(boolean table, ProjectNode root, SqlCreateAsSelect statement) {
    if (!table) {
      throw new PlanningException("A query over a stream produces a table only with GROUP BY: add GROUP BY, "
          + "or use CREATE STREAM AS SELECT", statement.getParserPosition());
    }
    if (root.schema().keyColumns().isEmpty()) {
      throw new PlanningException("A table needs a key: select the primary key columns of the table the query "
          + "reads", statement.getParserPosition());
    }
  }
}

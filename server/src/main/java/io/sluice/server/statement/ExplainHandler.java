package io.sluice.server.statement;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.parser.ast.SqlCreateAsSelect;
import io.sluice.parser.ast.SqlExplainStatement;
import io.sluice.parser.ast.SqlInsertSelect;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.PlanJson;
import io.sluice.plan.PlanPrinter;
import io.sluice.planner.query.CreateAsSelectPlanner;
import io.sluice.planner.query.InsertSelectPlanner;
import io.sluice.planner.query.PlannedQuery;
import io.sluice.runtime.QueryTopologyBuilder;
import io.sluice.server.commands.CreateQueryCommand;
import io.sluice.server.engine.Engine;
import io.sluice.server.entity.FieldInfo;
import io.sluice.server.entity.KsqlEntity;
import io.sluice.server.entity.QueryDescriptionEntity;
import io.sluice.server.entity.StatementErrorEntity;
import io.sluice.server.query.PersistentQuery;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;

/**
 * Runs EXPLAIN query_id and EXPLAIN statement: Calcite's logical plan, the physical plan (as a
 * tree and as the stored JSON) and the Kafka Streams topology. Explaining a statement runs nothing.
 */
final class ExplainHandler implements StatementHandler<SqlExplainStatement> {

  private static final String EXPLAIN_QUERY_ID = "EXPLAIN";

  @Override
  public KsqlEntity execute(SqlExplainStatement statement, StatementContext context) {
    Engine engine = context.engine();
    if (statement.queryId() != null) {
      String id = statement.queryId().getSimple();
      PersistentQuery query = engine.queries().get(id).orElseThrow(() -> new StatementException(
          "Query with id:" + id + " does not exist, use SHOW QUERIES to view the full set of queries.",
          StatementErrorEntity.UNKNOWN_SOURCE));
      CreateQueryCommand command = query.command();
      return describe(context, id, command.statementText(), command.plan(), command.sources(), command.sink(),
          command.logicalPlan(), query.topology(), command.streamsProperties(), query.state());
    }
    SqlNode inner = statement.statement();
    PlannedQuery planned;
    if (inner instanceof SqlCreateAsSelect create) {
      planned = new CreateAsSelectPlanner(engine.planningCatalog()).plan(create, EXPLAIN_QUERY_ID).query();
    } else if (inner instanceof SqlInsertSelect insert) {
      planned = new InsertSelectPlanner(engine.planningCatalog()).plan(insert, EXPLAIN_QUERY_ID);
    } else {
      throw new StatementException("EXPLAIN of this statement is not supported yet; "
          + "explain a CREATE ... AS SELECT, an INSERT INTO ... SELECT, or a query id");
    }
    String topology = QueryTopologyBuilder.build(planned.plan(), engine.settings().runtimeOptions())
        .topology().describe().toString();
    return describe(context, EXPLAIN_QUERY_ID, context.text(), planned.plan(), planned.sourcesRead(),
        planned.sinkName(), planned.logicalPlan(), topology, context.streamsProperties(), "NOT_RUNNING");
  }

  private static KsqlEntity describe(StatementContext context, String id, String statementText, PhysicalPlan plan,
      List<String> sources, String sink, String logicalPlan, String topology, Map<String, String> properties,
      String state) {
    JsonNode physical = PlanJson.mapper().valueToTree(plan);
    return new QueryDescriptionEntity(context.text(), new QueryDescriptionEntity.QueryDescription(
        id, statementText, null, plan.root().schema().columns().stream().map(FieldInfo::of).toList(),
        sources, List.of(sink), topology, PlanPrinter.print(plan), logicalPlan, physical,
        Map.copyOf(properties), "PERSISTENT", state), List.of());
  }
}

package io.sluice.planner.query;

import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.RowSchema;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import java.util.List;

/**
 * A planned push query: its final projection (the rows its client receives), the sources it reads,
 * its LIMIT (null for none), and Calcite's logical plan as text.
 */
public record PushQueryPlan(ProjectNode root, List<String> sourcesRead, Long limit, String logicalPlan) {

  /** The columns of each row the client receives: key columns, then value columns. */
  public RowSchema schema() {
    return root.schema();
  }

  /** The physical plan under {@code queryId}: the query's nodes ending in a sink to the client. */
  public PhysicalPlan plan(String queryId) {
    return PhysicalPlan.of(queryId, SinkNode.toClient("sink", root));
  }
}

package io.sluice.planner.calcite;

import java.util.List;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * The rewrites applied to every query's relational plan before it becomes plan nodes: filters are
 * pushed below projections, the WHERE conjuncts over one side of a join into that side (see
 * {@link JoinSideFilterRule}), and adjacent filters and projections are merged, so a query with
 * subqueries in FROM runs as one filter and one projection over its source, and a join reads only
 * the records its WHERE clause can keep.
 */
public final class LogicalRewrites {

  private static final HepProgram PROGRAM = new HepProgramBuilder()
      .addRuleCollection(List.of(
          CoreRules.FILTER_PROJECT_TRANSPOSE,
          JoinSideFilterRule.INSTANCE,
          CoreRules.FILTER_MERGE,
          CoreRules.PROJECT_MERGE,
          CoreRules.PROJECT_REMOVE))
      .build();

  private LogicalRewrites() {}

  public static RelNode apply(RelNode rel) {
    HepPlanner planner = new HepPlanner(PROGRAM);
    planner.setRoot(rel);
    return planner.findBestExp();
  }
}

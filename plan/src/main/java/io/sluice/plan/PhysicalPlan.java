package io.sluice.plan;

import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.SinkNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The physical plan of one persistent query: a tree of {@link PlanNode}s ending in a sink.
 *
 * <p>This is what the command log stores and what a restart rebuilds the query from. {@code version}
 * is the plan format's version; the runtime refuses plans newer than it knows.
 */
public record PhysicalPlan(int version, String queryId, SinkNode root) {

  /** The plan format this build writes. */
  public static final int CURRENT_VERSION = 1;

  public PhysicalPlan {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(root, "root");
  }

  public static PhysicalPlan of(String queryId, SinkNode root) {
    return new PhysicalPlan(CURRENT_VERSION, queryId, root);
  }

  /** Every node of the plan, sources first, each after its inputs. */
  public List<PlanNode> nodes() {
    List<PlanNode> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(PlanNode node, List<PlanNode> out) {
    for (PlanNode input : node.inputs()) {
      collect(input, out);
    }
    out.add(node);
  }
}

package io.sluice.planner.query;

import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a plan compute each of its subtrees once: a subtree that repeats one met earlier (same kinds
 * of node with the same fields, but other ids and store names made from them) is replaced by that
 * earlier subtree, ids included. The tree then holds the same node twice, which the runtime builds
 * as one step whose rows both readers consume (Nexmark's q5 counts each window's bids once, for
 * both sides of its join, instead of in two aggregations with a store each).
 *
 * <p>Sharing keeps results: every expression is deterministic, so equal steps over equal rows emit
 * equal rows. Inputs are shared before the nodes that read them, left before right, so the first
 * occurrence keeps its ids and the repeat's ids go unused.
 */
final class SharedSubtrees {

  private final List<PlanNode> seen = new ArrayList<>();

  private SharedSubtrees() {}

  /** {@code root}'s tree with every repeated subtree replaced by its first occurrence. */
  static ProjectNode share(ProjectNode root) {
    return (ProjectNode) new SharedSubtrees().shared(root);
  }

  private PlanNode shared(PlanNode node) {
    List<PlanNode> inputs = node.inputs().stream().map(this::shared).toList();
    PlanNode rebuilt = NodeCopies.rebuild(node, inputs, node);
    for (PlanNode earlier : seen) {
      if (earlier.getClass() == rebuilt.getClass() && NodeCopies.rebuild(rebuilt, inputs, earlier).equals(earlier)) {
        return earlier;
      }
    }
    seen.add(rebuilt);
    return rebuilt;
  }
}

package io.sluice.server.conformance;

import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.node.SinkNode;
import io.sluice.plan.node.SourceNode;
import io.sluice.runtime.BuiltQuery;
import java.util.List;

/** A persistent query a case's statements start: its plan and its compiled topology. */
record ScriptQuery(PhysicalPlan plan, BuiltQuery built) {

  String id() {
    return plan.queryId();
  }

  SinkNode sink() {
    return plan.root();
  }

  /** The topics the query reads, in plan order. */
  List<String> sourceTopics() {
    return plan.nodes().stream()
        .filter(SourceNode.class::isInstance)
        .map(node -> ((SourceNode) node).topic())
        .distinct()
        .toList();
  }
}

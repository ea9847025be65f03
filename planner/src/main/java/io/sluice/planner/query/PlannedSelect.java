package io.sluice.planner.query;

import io.sluice.plan.node.ProjectNode;
import java.util.List;

/**
 * A planned SELECT of a persistent query: its final projection, whose KEY columns are the output
 * record key, the sources it reads, whether it reads a table, and Calcite's logical plan as text.
 */
public record PlannedSelect(ProjectNode root, List<String> sourcesRead, boolean readsTable, String logicalPlan) {}

package io.sluice.planner.query;

import io.sluice.plan.PhysicalPlan;
import java.util.List;

/** A persistent query ready to run: its physical plan, what it reads and writes, and its logical plan text. */
public record PlannedQuery(PhysicalPlan plan, List<String> sourcesRead, String sinkName, String logicalPlan) {}

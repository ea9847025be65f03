package io.sluice.planner.query;

import io.sluice.plan.SourceDescriptor;

/** A planned CREATE STREAM|TABLE AS SELECT: the new source it defines and the query that fills it. */
public record CreateAsSelectPlan(
    SourceDescriptor sink, PlannedQuery query, Integer partitions, Integer replicas, boolean orReplace, boolean ifNotExists) {}

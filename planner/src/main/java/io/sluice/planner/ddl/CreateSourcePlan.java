package io.sluice.planner.ddl;

import io.sluice.plan.SourceDescriptor;

/**
 * A planned CREATE STREAM or CREATE TABLE over a topic: the catalog entry, and the partition and
 * replica counts to create the topic with when it is missing (null when not given).
 */
public record CreateSourcePlan(
    SourceDescriptor descriptor, Integer partitions, Integer replicas, boolean orReplace, boolean ifNotExists) {}

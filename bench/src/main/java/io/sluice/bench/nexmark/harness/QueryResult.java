package io.sluice.bench.nexmark.harness;

import java.util.Optional;

/**
 * One round of one query: both sides, and whether their outputs agree (when both ran and checking is on).
 *
 * @param query {@code q0} ...
 * @param round from 1
 */
record QueryResult(String query, int round, SideOutcome sql, SideOutcome handWritten,
    Optional<OutputMultiset.Comparison> check) {}

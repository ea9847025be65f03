package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.AggregateInput;

/** An aggregation's input row in a window join, with the side of the join whose aggregation it is. */
record SidedInput(boolean left, AggregateInput input) {}

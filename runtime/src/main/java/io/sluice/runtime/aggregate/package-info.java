/**
 * Aggregate functions and their state: one {@link io.sluice.runtime.aggregate.Accumulator} per
 * function, the per-group {@link io.sluice.runtime.aggregate.AggregateState}, and the compact
 * binary serdes of group keys, aggregate inputs and states that stores and repartition topics use.
 * Internal to the runtime.
 */
package io.sluice.runtime.aggregate;

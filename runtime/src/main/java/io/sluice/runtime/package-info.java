/**
 * The runtime: turns a {@link io.sluice.plan.PhysicalPlan} into a Kafka Streams topology.
 *
 * <p>The public surface is {@link io.sluice.runtime.QueryTopologyBuilder#build}, which returns a
 * {@link io.sluice.runtime.BuiltQuery} (the topology and its live {@link io.sluice.runtime.QueryStats}),
 * the row codecs of {@link io.sluice.runtime.serde} for writing and reading topics outside a query,
 * and the {@link io.sluice.runtime.expr.ExpressionCompiler}. The topology's processors live in
 * {@code io.sluice.runtime.topology} and are not meant to be used directly.
 */
package io.sluice.runtime;

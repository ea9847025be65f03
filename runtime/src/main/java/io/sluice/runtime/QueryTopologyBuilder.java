package io.sluice.runtime;

import io.sluice.plan.PhysicalPlan;
import io.sluice.runtime.topology.TopologyAssembler;

/**
 * Compiles a {@link PhysicalPlan} into a Kafka Streams topology, ready to run as one persistent
 * query. Expressions are compiled to bytecode here, once; the topology's processors share them.
 */
public final class QueryTopologyBuilder {

  private QueryTopologyBuilder() {}

  /**
   * The topology of {@code plan} with fresh stats. Throws {@link UnsupportedPlanException} for a
   * plan written by a newer Sluice, or one that uses something this runtime cannot run.
   */
  public static BuiltQuery build(PhysicalPlan plan, RuntimeOptions options) {
    return build(plan, options, null);
  }

  /**
   * The topology of {@code plan}, whose sink to the client (if it has one, as a push query's plan
   * does) hands each output row to {@code listener}.
   */
  public static BuiltQuery build(PhysicalPlan plan, RuntimeOptions options, ResultListener listener) {
    if (plan.version() > PhysicalPlan.CURRENT_VERSION) {
      throw new UnsupportedPlanException(
          "the plan of query " + plan.queryId() + " has version " + plan.version()
              + ", newer than this runtime's version " + PhysicalPlan.CURRENT_VERSION
              + "; upgrade Sluice to run it");
    }
    if (plan.version() < 1) {
      throw new UnsupportedPlanException(
          "the plan of query " + plan.queryId() + " has an invalid version " + plan.version());
    }
    QueryStats stats = new QueryStats();
    return new BuiltQuery(TopologyAssembler.assemble(plan, options, stats, listener), stats,
        InputOrder.streamsSettings(plan));
  }
}

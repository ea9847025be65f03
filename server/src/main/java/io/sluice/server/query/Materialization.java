package io.sluice.server.query;

import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.PlanNodes;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where a table's current contents live: the state store of the aggregation of the query that
 * creates the table, by its stable name, in that query's Kafka Streams instance. Pull queries read
 * the table through this.
 *
 * @param plan the plan of the query that creates the table, which says how its store's states become rows
 * @param window the table's window, or null for an unwindowed table
 */
public record Materialization(String table, String queryId, PhysicalPlan plan, KafkaStreams streams, String storeName,
    WindowSpec window) {

  /** The materialization of what {@code query} writes, if the query aggregates and is running. */
  static Optional<Materialization> of(PersistentQuery query) {
    AggregateNode aggregate = PlanNodes.aggregateOf(query.command().plan().root());
    if (aggregate == null || query.streams() == null || query.command().newSink() == null) {
      return Optional.empty();
    }
    return Optional.of(new Materialization(query.command().sink(), query.id(), query.command().plan(), query.streams(),
        aggregate.storeName(), aggregate.window()));
  }
}

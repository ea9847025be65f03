package io.sluice.runtime;

import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.JoinKind;
import io.sluice.plan.node.JoinNode;
import io.sluice.plan.node.PlanNode;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Whether a query's tasks that read several topics must read them in record-time order, and the
 * Kafka Streams setting that says so.
 *
 * <p>By default ({@code max.task.idle.ms} 0) a task whose buffer of one input partition is empty
 * while the broker holds more of it waits for that data, so that it reads its inputs in time order;
 * Kafka Streams then pays for that check on every record, formatting a log line for each empty
 * partition even when the log is off (a sixth of the CPU of a join whose one side is quiet, as
 * Nexmark's q3 and q5 showed). A query needs the order only where it changes the rows written: a
 * stream-table join (a row must meet the table as of its time), a windowed join or windowed
 * aggregation over a join (records arriving early make others late), a table-table join (the
 * changes it writes on the way). An unbounded inner stream-stream join writes the same pairs in
 * any order, so a query whose joins are all of that kind, with no window over them, reads
 * whatever has arrived ({@code max.task.idle.ms} -1). A joined row's time is that of the record
 * that completed its pair, so under -1 the times it is written with follow arrival order.
 */
public final class InputOrder {

  private InputOrder() {}

  /** The Kafka Streams settings that {@code plan}'s topology allows, below the server's and the statement's. */
  public static Map<String, Object> streamsSettings(PhysicalPlan plan) {
    return matters(plan.root(), false) ? Map.of()
        : Map.of(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
  }

  /** True if rows in or below {@code node} depend on the order its tasks read their topics in. */
  private static boolean matters(PlanNode node, boolean underWindow) {
    if (node instanceof JoinNode join) {
      boolean unboundedInner = join.kind() == JoinKind.STREAM_STREAM && join.window() == null;
      if (!unboundedInner || underWindow) {
        return true;
      }
    }
    boolean windowed = underWindow || node instanceof AggregateNode aggregate && aggregate.window() != null;
    for (PlanNode input : node.inputs()) {
      if (matters(input, windowed)) {
        return true;
      }
    }
    return false;
  }
}

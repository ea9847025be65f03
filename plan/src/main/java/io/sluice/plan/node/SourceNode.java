package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.Formats;
import io.sluice.plan.RowSchema;
import io.sluice.plan.TimestampSpec;
import java.util.List;

/**
 * Reads a stream or table from its topic. Rows are the key columns, the value columns and the
 * pseudo columns, in {@code schema} order. A record that cannot be read is sent to the processing
 * log and skipped. {@code timestamp} is null when event time is the record timestamp.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceNode(
    String id,
    String sourceName,
    String topic,
    boolean table,
    RowSchema schema,
    Formats formats,
    TimestampSpec timestamp)
    implements PlanNode {

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }
}

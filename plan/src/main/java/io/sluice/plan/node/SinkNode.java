package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sluice.plan.Formats;
import io.sluice.plan.RowSchema;
import java.util.List;

/**
 * Writes each input row to {@code topic}: KEY columns to the record key and VALUE columns to the
 * value, in the given formats, with the row's event time as the record timestamp.
 */
public record SinkNode(String id, PlanNode input, String sinkName, String topic, Formats formats)
    implements PlanNode {

  @JsonIgnore
  @Override
  public RowSchema schema() {
    return input.schema();
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }
}

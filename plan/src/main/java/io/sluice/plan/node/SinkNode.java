package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.Formats;
import io.sluice.plan.RowSchema;
import java.util.List;

/**
 * Writes each input row to {@code topic}: KEY columns to the record key and VALUE columns to the
 * value, in the given formats, with the row's event time as the record timestamp.
 *
 * <p>A sink to the client ({@link #toClient}, a push query's) has no topic and no formats: the
 * runtime hands each row to the query's client instead of writing it to Kafka.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SinkNode(String id, PlanNode input, String sinkName, String topic, Formats formats)
    implements PlanNode {

  /** A sink that delivers rows to the client that started the (transient) query. */
  public static SinkNode toClient(String id, PlanNode input) {
    return new SinkNode(id, input, null, null, null);
  }

  /** True if rows go to the query's client rather than to a topic. */
  @JsonIgnore
  public boolean isToClient() {
    return topic == null;
  }

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

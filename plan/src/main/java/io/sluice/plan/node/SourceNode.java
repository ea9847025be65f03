package io.sluice.plan.node;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.Formats;
import io.sluice.plan.RowSchema;
import io.sluice.plan.TimestampSpec;
import java.util.List;

/**
 * Reads a stream or table from its topic. Rows are the key columns, the value columns and the
 * pseudo columns, in {@code schema} order. A record that cannot be read is sent to the processing
 * log and skipped. {@code timestamp} is null when event time is the record timestamp.
 *
 * <p>{@code global} is TRUE for a global table read by a stream-table join: every task keeps a full
 * copy of its topic, raw, and the join looks rows up in it by the stream row's join key, so the
 * stream needs no repartition. Null otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceNode(
    String id,
    String sourceName,
    String topic,
    boolean table,
    RowSchema schema,
    Formats formats,
    TimestampSpec timestamp,
    Boolean global)
    implements PlanNode {

  /** A source that is not a global table. */
  public SourceNode(String id, String sourceName, String topic, boolean table, RowSchema schema, Formats formats,
      TimestampSpec timestamp) {
    this(id, sourceName, topic, table, schema, formats, timestamp, null);
  }

  /**
   * The store a table source keeps its current row per key in ({@code <id>-store}), or a global
   * table its raw records ({@code <id>-global-store}); joins read it.
   */
  @JsonIgnore
  public String storeName() {
    return isGlobal() ? id + "-global-store" : id + "-store";
  }

  /** True for a global table. */
  @JsonIgnore
  public boolean isGlobal() {
    return Boolean.TRUE.equals(global);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }
}

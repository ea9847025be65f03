package io.sluice.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stream or table in the catalog: its name, topic, formats and columns (key and value columns
 * only; the pseudo columns are implied). {@code timestampColumn} names the column event time comes
 * from, or is null for the record timestamp. {@code window} is set for a table written by a windowed
 * aggregation: its records are keyed by the key columns and the window; it is null otherwise (and
 * absent from the JSON of catalogs written before windows existed). {@code global} is TRUE for a
 * table declared GLOBAL: a stream joined with it looks its rows up in a full copy that every task
 * keeps, so the two need not be co-partitioned (null otherwise). {@code gracePeriod} is a stream's
 * GRACE_PERIOD in milliseconds: the grace period of every window over the stream that gives none
 * itself (Flink's watermark delay); null when not given, for ksqlDB's 24 hours.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceDescriptor(
    String name,
    SourceType type,
    String topic,
    RowSchema schema,
    Formats formats,
    String timestampColumn,
    String timestampFormat,
    WindowSpec window,
    Boolean global,
    Long gracePeriod) {

  public SourceDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(formats, "formats");
  }

  /** A source without a GRACE_PERIOD of its own. */
  public SourceDescriptor(String name, SourceType type, String topic, RowSchema schema, Formats formats,
      String timestampColumn, String timestampFormat, WindowSpec window, Boolean global) {
    this(name, type, topic, schema, formats, timestampColumn, timestampFormat, window, global, null);
  }

  /** A source that is not a global table. */
  public SourceDescriptor(String name, SourceType type, String topic, RowSchema schema, Formats formats,
      String timestampColumn, String timestampFormat, WindowSpec window) {
    this(name, type, topic, schema, formats, timestampColumn, timestampFormat, window, null, null);
  }

  /** A source whose records are not windowed, and that is not a global table. */
  public SourceDescriptor(String name, SourceType type, String topic, RowSchema schema, Formats formats,
      String timestampColumn, String timestampFormat) {
    this(name, type, topic, schema, formats, timestampColumn, timestampFormat, null, null, null);
  }

  /** The schema of the rows a query reads from this source: key, value, then pseudo columns. */
  @JsonIgnore
  public RowSchema rowSchema() {
    List<Column> columns = new ArrayList<>(schema.columns());
    columns.addAll(PseudoColumn.columns());
    return new RowSchema(columns);
  }

  /** Where event time comes from, as a source node needs it; null for the record timestamp. */
  @JsonIgnore
  public TimestampSpec timestampSpec() {
    return timestampColumn == null ? null : new TimestampSpec(schema.indexOf(timestampColumn), timestampFormat);
  }

  /** True for a table declared GLOBAL. */
  @JsonIgnore
  public boolean isGlobal() {
    return Boolean.TRUE.equals(global);
  }

  @JsonIgnore
  public boolean isTable() {
    return type == SourceType.TABLE;
  }
}

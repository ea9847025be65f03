package io.sluice.plan.node;

import io.sluice.plan.Column;
import io.sluice.plan.SerdeFormat;
import java.util.List;

/**
 * How a join key is serialized into the record keys that both sides of a join are partitioned and
 * matched by: its columns (names and types) in {@code format}, which for a side read straight from
 * its topic is that topic's key format, so that its records need no re-keying.
 */
public record JoinKey(List<Column> columns, SerdeFormat format) {

  public JoinKey {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a join key needs at least one column");
    }
  }
}

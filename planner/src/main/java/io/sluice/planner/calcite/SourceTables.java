package io.sluice.planner.calcite;

import io.sluice.plan.SourceDescriptor;
import org.apache.calcite.plan.RelOptTable;

/** Finds the catalog source behind a Calcite table. */
public final class SourceTables {

  private SourceTables() {}

  public static SourceDescriptor descriptor(RelOptTable table) {
    SourceTable source = table.unwrap(SourceTable.class);
    if (source == null) {
      throw new IllegalStateException("not a Sluice source: " + table.getQualifiedName());
    }
    return source.descriptor();
  }
}

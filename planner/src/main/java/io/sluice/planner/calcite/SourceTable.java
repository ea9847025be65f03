package io.sluice.planner.calcite;

import io.sluice.plan.Column;
import io.sluice.plan.SourceDescriptor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/** A catalog stream or table as Calcite sees it: key, value, then pseudo columns, all nullable. */
final class SourceTable extends AbstractTable {

  private final SourceDescriptor descriptor;

  SourceTable(SourceDescriptor descriptor) {
    this.descriptor = descriptor;
  }

  SourceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : descriptor.rowSchema().columns()) {
      builder.add(column.name(), TypeMapping.toCalcite(column.type(), typeFactory));
    }
    return builder.build();
  }
}

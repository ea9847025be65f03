package io.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system as Sluice needs it: DECIMAL up to 38 digits, and CASE branches of string
 * literals of different lengths typed VARCHAR rather than space-padded CHAR.
 */
public final class SluiceTypeSystem extends RelDataTypeSystemImpl {

  public static final SluiceTypeSystem INSTANCE = new SluiceTypeSystem();

  static final int MAX_DECIMAL_PRECISION = 38;

  private SluiceTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return MAX_DECIMAL_PRECISION;
    }
    return super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return MAX_DECIMAL_PRECISION;
    }
    return super.getMaxScale(typeName);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}

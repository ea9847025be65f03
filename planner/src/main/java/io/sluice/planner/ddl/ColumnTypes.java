package io.sluice.planner.ddl;

import io.sluice.parser.ast.SqlTypeDeclaration;
import io.sluice.plan.DataType;
import io.sluice.planner.PlanningException;

/** Turns a declared column type into a plan type, refusing the types not supported yet. */
final class ColumnTypes {

  private static final int MAX_DECIMAL_PRECISION = 38;

  private ColumnTypes() {}

  static DataType of(SqlTypeDeclaration declared) {
    return switch (declared.kind()) {
      case BOOLEAN -> DataType.BOOLEAN;
      case INTEGER -> DataType.INTEGER;
      case BIGINT -> DataType.BIGINT;
      case DOUBLE -> DataType.DOUBLE;
      case STRING -> DataType.STRING;
      case BYTES -> DataType.BYTES;
      case DATE -> DataType.DATE;
      case TIME -> DataType.TIME;
      case TIMESTAMP -> DataType.TIMESTAMP;
      case DECIMAL -> decimal(declared);
      case ARRAY, MAP, STRUCT -> throw new PlanningException(
          declared.kind() + " columns are not supported yet", declared.getParserPosition());
    };
  }

  private static DataType decimal(SqlTypeDeclaration declared) {
    Integer precision = declared.precision();
    Integer scale = declared.scale();
    if (precision == null || scale == null) {
      throw new PlanningException("DECIMAL needs a precision and a scale, as DECIMAL(10, 2)",
          declared.getParserPosition());
    }
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
      throw new PlanningException("DECIMAL(" + precision + ", " + scale + ") is out of range: precision must be 1 to "
          + MAX_DECIMAL_PRECISION + " and scale 0 to the precision", declared.getParserPosition());
    }
    return DataType.decimal(precision, scale);
  }
}

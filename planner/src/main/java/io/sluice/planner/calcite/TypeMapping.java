package io.sluice.planner.calcite;

import io.sluice.plan.DataType;
import io.sluice.planner.PlanningException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Maps Sluice's SQL types to Calcite's and back. */
public final class TypeMapping {

  private TypeMapping() {}

  /** The nullable Calcite type for a Sluice type. */
  public static RelDataType toCalcite(DataType type, RelDataTypeFactory factory) {
    RelDataType base = switch (type.name()) {
      case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
      case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
      case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
      case STRING -> factory.createSqlType(SqlTypeName.VARCHAR);
      case BYTES -> factory.createSqlType(SqlTypeName.VARBINARY);
      case DATE -> factory.createSqlType(SqlTypeName.DATE);
      case TIME -> factory.createSqlType(SqlTypeName.TIME, 3);
      case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
      case ARRAY -> factory.createArrayType(toCalcite(type.element(), factory), -1);
      case MAP -> factory.createMapType(
          factory.createSqlType(SqlTypeName.VARCHAR), toCalcite(type.element(), factory));
      case STRUCT -> factory.createStructType(
          type.fields().stream().map(f -> toCalcite(f.type(), factory)).toList(),
          type.fields().stream().map(DataType.Field::name).toList());
    };
    return factory.createTypeWithNullability(base, true);
  }

  /** The Sluice type for a Calcite type, or a "not supported yet" error at {@code pos}. */
  public static DataType fromCalcite(RelDataType type, SqlParserPos pos) {
    return switch (type.getSqlTypeName()) {
      case BOOLEAN -> DataType.BOOLEAN;
      case TINYINT, SMALLINT, INTEGER -> DataType.INTEGER;
      case BIGINT -> DataType.BIGINT;
      case FLOAT, REAL, DOUBLE -> DataType.DOUBLE;
      case DECIMAL -> DataType.decimal(type.getPrecision(), Math.max(0, type.getScale()));
      case CHAR, VARCHAR, NULL -> DataType.STRING;
      case BINARY, VARBINARY -> DataType.BYTES;
      case DATE -> DataType.DATE;
      case TIME -> DataType.TIME;
      case TIMESTAMP -> DataType.TIMESTAMP;
      case ARRAY -> DataType.array(fromCalcite(type.getComponentType(), pos));
      case MAP -> mapOf(type, pos);
      case ROW -> DataType.struct(type.getFieldList().stream()
          .map(f -> new DataType.Field(f.getName(), fromCalcite(f.getType(), pos))).toList());
      default -> throw new PlanningException(
          "Type " + type.getFullTypeString() + " is not supported yet", pos);
    };
  }

  private static DataType mapOf(RelDataType type, SqlParserPos pos) {
    if (!fromCalcite(type.getKeyType(), pos).equals(DataType.STRING)) {
      throw new PlanningException("Maps with keys of type " + type.getKeyType().getFullTypeString()
          + " are not supported; map keys are STRING", pos);
    }
    return DataType.map(fromCalcite(type.getValueType(), pos));
  }

  /** True if values of {@code type} need no conversion to be held as {@code target}. */
  public static boolean sameSluiceType(RelDataType type, DataType target) {
    try {
      return fromCalcite(type, SqlParserPos.ZERO).equals(target);
    } catch (PlanningException e) {
      return false;
    }
  }
}

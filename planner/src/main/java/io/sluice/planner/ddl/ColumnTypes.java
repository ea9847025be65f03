package io.sluice.planner.ddl;

import io.sluice.parser.ast.SqlColumnDeclaration;
import io.sluice.parser.ast.SqlTypeDeclaration;
import io.sluice.parser.ast.TypeKind;
import io.sluice.plan.DataType;
import io.sluice.planner.PlanningException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns a declared column type into a plan type, checking DECIMAL bounds, MAP keys and STRUCT field names. */
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
      case ARRAY -> DataType.array(of(declared.elementTypes().get(0)));
      case MAP -> map(declared);
      case STRUCT -> struct(declared);
    };
  }

  private static DataType map(SqlTypeDeclaration declared) {
    SqlTypeDeclaration key = declared.elementTypes().get(0);
    if (key.kind() != TypeKind.STRING) {
      throw new PlanningException("MAP keys must be STRING, not " + key.kind(), key.getParserPosition());
    }
    return DataType.map(of(declared.elementTypes().get(1)));
  }

  private static DataType struct(SqlTypeDeclaration declared) {
    List<DataType.Field> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SqlColumnDeclaration field : declared.fields()) {
      String name = field.name().getSimple();
      if (!seen.add(name)) {
        throw new PlanningException("Duplicate field name '" + name + "' in STRUCT", field.getParserPosition());
      }
      fields.add(new DataType.Field(name, of(field.type())));
    }
    if (fields.isEmpty()) {
      throw new PlanningException("STRUCT needs at least one field", declared.getParserPosition());
    }
    return DataType.struct(fields);
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

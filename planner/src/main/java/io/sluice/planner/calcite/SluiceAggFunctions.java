package io.sluice.planner.calcite;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The aggregate functions Sluice adds to Calcite's, or types differently from Calcite's, so that
 * each result type is the one {@link io.sluice.plan.node.AggregateFunction} documents.
 */
public final class SluiceAggFunctions {

  /** SUM(x) in x's type, where Calcite widens DECIMAL to the widest precision. */
  public static final SqlAggFunction SUM = create("SUM", OperandTypes.NUMERIC,
      b -> nullable(b.getTypeFactory(), b.getOperandType(0)));
  /** AVG(x) as DOUBLE, where Calcite keeps x's type. */
  public static final SqlAggFunction AVG = create("AVG", OperandTypes.NUMERIC, SluiceAggFunctions::nullableDouble);
  /** STDDEV_SAMP(x) as DOUBLE, where Calcite keeps x's type. */
  public static final SqlAggFunction STDDEV_SAMP =
      create("STDDEV_SAMP", OperandTypes.NUMERIC, SluiceAggFunctions::nullableDouble);
  /** ksqlDB's COUNT_DISTINCT(x): BIGINT. */
  public static final SqlAggFunction COUNT_DISTINCT = create("COUNT_DISTINCT", OperandTypes.ANY,
      b -> b.getTypeFactory().createSqlType(SqlTypeName.BIGINT));
  /** ksqlDB's LATEST_BY_OFFSET(x [, ignoreNulls]), in x's type. */
  public static final SqlAggFunction LATEST_BY_OFFSET = create("LATEST_BY_OFFSET", valueAndFlag(),
      b -> nullable(b.getTypeFactory(), b.getOperandType(0)));
  /** ksqlDB's EARLIEST_BY_OFFSET(x [, ignoreNulls]), in x's type. */
  public static final SqlAggFunction EARLIEST_BY_OFFSET = create("EARLIEST_BY_OFFSET", valueAndFlag(),
      b -> nullable(b.getTypeFactory(), b.getOperandType(0)));
  /** ksqlDB's COLLECT_LIST(x): ARRAY of x's type. */
  public static final SqlAggFunction COLLECT_LIST = create("COLLECT_LIST", OperandTypes.ANY,
      b -> arrayOf(b.getTypeFactory(), b.getOperandType(0)));
  /** ksqlDB's COLLECT_SET(x): ARRAY of x's type. */
  public static final SqlAggFunction COLLECT_SET = create("COLLECT_SET", OperandTypes.ANY,
      b -> arrayOf(b.getTypeFactory(), b.getOperandType(0)));
  /** ksqlDB's TOPK(x, k): ARRAY of x's type. */
  public static final SqlAggFunction TOPK = create("TOPK",
      OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.INTEGER), b -> arrayOf(b.getTypeFactory(), b.getOperandType(0)));
  /** ksqlDB's TOPKDISTINCT(x, k): ARRAY of x's type. */
  public static final SqlAggFunction TOPKDISTINCT = create("TOPKDISTINCT",
      OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.INTEGER), b -> arrayOf(b.getTypeFactory(), b.getOperandType(0)));
  /** ksqlDB's HISTOGRAM(s): MAP of each STRING s to its count. */
  public static final SqlAggFunction HISTOGRAM = create("HISTOGRAM", OperandTypes.CHARACTER, b -> {
    RelDataTypeFactory f = b.getTypeFactory();
    return f.createTypeWithNullability(f.createMapType(
        f.createSqlType(SqlTypeName.VARCHAR), f.createSqlType(SqlTypeName.BIGINT)), true);
  });

  /** Every function above, as the operator table registers them. */
  public static final List<SqlAggFunction> ALL = List.of(SUM, AVG, STDDEV_SAMP, COUNT_DISTINCT, LATEST_BY_OFFSET,
      EARLIEST_BY_OFFSET, COLLECT_LIST, COLLECT_SET, TOPK, TOPKDISTINCT, HISTOGRAM);

  private SluiceAggFunctions() {}

  private static SqlAggFunction create(String name, SqlOperandTypeChecker operands, SqlReturnTypeInference result) {
    return SqlBasicAggFunction.create(name, SqlKind.OTHER_FUNCTION, result, operands);
  }

  private static SqlOperandTypeChecker valueAndFlag() {
    return OperandTypes.ANY.or(OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.BOOLEAN));
  }

  private static RelDataType nullableDouble(org.apache.calcite.sql.SqlOperatorBinding binding) {
    return nullable(binding.getTypeFactory(), binding.getTypeFactory().createSqlType(SqlTypeName.DOUBLE));
  }

  private static RelDataType arrayOf(RelDataTypeFactory factory, RelDataType element) {
    return nullable(factory, factory.createArrayType(nullable(factory, element), -1));
  }

  private static RelDataType nullable(RelDataTypeFactory factory, RelDataType type) {
    return factory.createTypeWithNullability(type, true);
  }
}

package io.sluice.planner.calcite;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.type.SqlOperandCountRanges;

/**
 * The functions statements may call: Calcite's standard ones, ksqlDB's names for common ones, and
 * the aggregate functions of {@link SluiceAggFunctions}, which replace Calcite's of the same name.
 */
public final class SluiceOperatorTable {

  /** ksqlDB's UCASE(s), the same as UPPER. */
  public static final SqlFunction UCASE = stringFunction("UCASE");
  /** ksqlDB's LCASE(s), the same as LOWER. */
  public static final SqlFunction LCASE = stringFunction("LCASE");
  /** ksqlDB's LEN(s), the same as CHAR_LENGTH. */
  public static final SqlFunction LEN = new SqlFunction("LEN", SqlKind.OTHER_FUNCTION,
      ReturnTypes.INTEGER_NULLABLE, null, OperandTypes.CHARACTER, SqlFunctionCategory.NUMERIC);
  /** ksqlDB's CONCAT(a, b, ...): a null argument counts as the empty string. */
  public static final SqlFunction CONCAT = new SqlFunction("CONCAT", SqlKind.OTHER_FUNCTION,
      ReturnTypes.VARCHAR, null, OperandTypes.repeat(atLeast(1), OperandTypes.CHARACTER),
      SqlFunctionCategory.STRING);
  /** ksqlDB's IFNULL(a, b), the same as COALESCE(a, b). */
  public static final SqlFunction IFNULL = new SqlFunction("IFNULL", SqlKind.OTHER_FUNCTION,
      ReturnTypes.LEAST_RESTRICTIVE.andThen(SqlTypeTransforms.LEAST_NULLABLE), null,
      OperandTypes.SAME_SAME, SqlFunctionCategory.SYSTEM);

  /** ksqlDB's REGEXP_EXTRACT(regex, s [, group]). */
  public static final SqlFunction REGEXP_EXTRACT = new SqlFunction("REGEXP_EXTRACT", SqlKind.OTHER_FUNCTION,
      ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
      OperandTypes.or(OperandTypes.STRING_STRING, OperandTypes.STRING_STRING_INTEGER), SqlFunctionCategory.STRING);
  /** Flink's SPLIT_INDEX(s, separator, index), 0-based. */
  public static final SqlFunction SPLIT_INDEX = new SqlFunction("SPLIT_INDEX", SqlKind.OTHER_FUNCTION,
      ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.FORCE_NULLABLE), null, OperandTypes.STRING_STRING_INTEGER,
      SqlFunctionCategory.STRING);
  /** COUNT_CHAR(s, c): the occurrences of c in s, the count_char UDF of Nexmark's q14. */
  public static final SqlFunction COUNT_CHAR = new SqlFunction("COUNT_CHAR", SqlKind.OTHER_FUNCTION,
      ReturnTypes.BIGINT.andThen(SqlTypeTransforms.TO_NULLABLE), null, OperandTypes.STRING_STRING,
      SqlFunctionCategory.STRING);
  /** ksqlDB's FORMAT_TIMESTAMP(ts, pattern), in UTC. */
  public static final SqlFunction FORMAT_TIMESTAMP = timestampFormatter("FORMAT_TIMESTAMP");
  /** Flink's DATE_FORMAT(ts, pattern): FORMAT_TIMESTAMP under another name. */
  public static final SqlFunction DATE_FORMAT = timestampFormatter("DATE_FORMAT");

  private static final SqlOperatorTable INSTANCE = SqlOperatorTables.chain(
      new ShadowedOperatorTable(SqlStdOperatorTable.instance(), names(SluiceAggFunctions.ALL)),
      SqlOperatorTables.of(List.of(UCASE, LCASE, LEN, CONCAT, IFNULL, REGEXP_EXTRACT, SPLIT_INDEX, COUNT_CHAR,
          FORMAT_TIMESTAMP, DATE_FORMAT)),
      SqlOperatorTables.of(SluiceAggFunctions.ALL),
      SqlOperatorTables.of(WindowBoundFunctions.ALL));

  private SluiceOperatorTable() {}

  public static SqlOperatorTable instance() {
    return INSTANCE;
  }

  private static SqlFunction stringFunction(String name) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_NULLABLE, null,
        OperandTypes.CHARACTER, SqlFunctionCategory.STRING);
  }

  private static SqlFunction timestampFormatter(String name) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.VARCHAR.andThen(SqlTypeTransforms.TO_NULLABLE),
        null, OperandTypes.sequence(name + "(<TIMESTAMP>, <STRING>)",
            OperandTypes.family(SqlTypeFamily.TIMESTAMP), OperandTypes.STRING),
        SqlFunctionCategory.TIMEDATE);
  }

  private static Set<String> names(List<? extends SqlOperator> operators) {
    return operators.stream().map(SqlOperator::getName).collect(Collectors.toSet());
  }

  private static SqlOperandCountRange atLeast(int n) {
    return SqlOperandCountRanges.from(n);
  }
}

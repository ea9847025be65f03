package io.sluice.parser.ast;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Conversions between AST fields and the literal operands that Calcite's SqlCall exposes. */
final class Operands {

  private Operands() {}

  static SqlLiteral flag(boolean value) {
    return SqlLiteral.createBoolean(value, SqlParserPos.ZERO);
  }

  static boolean flag(SqlNode operand) {
    return ((SqlLiteral) operand).booleanValue();
  }

  static SqlLiteral symbol(Enum<?> value) {
    return SqlLiteral.createSymbol(value, SqlParserPos.ZERO);
  }

  static <E extends Enum<E>> E symbol(SqlNode operand, Class<E> type) {
    return ((SqlLiteral) operand).getValueAs(type);
  }

  static SqlLiteral integer(Integer value) {
    return value == null ? null : SqlLiteral.createExactNumeric(value.toString(), SqlParserPos.ZERO);
  }

  static Integer integer(SqlNode operand) {
    return operand == null ? null : ((SqlLiteral) operand).intValue(true);
  }

  static SqlNodeList nodeList(List<? extends SqlNode> nodes) {
    return new SqlNodeList(nodes, SqlParserPos.ZERO);
  }

  static <T extends SqlNode> List<T> list(SqlNode operand, Class<T> type) {
    final List<T> result = new ArrayList<>();
    for (SqlNode node : (SqlNodeList) operand) {
      result.add(type.cast(node));
    }
    return List.copyOf(result);
  }
}

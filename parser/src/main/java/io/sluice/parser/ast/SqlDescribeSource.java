package io.sluice.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DESCRIBE [EXTENDED] name}: describes a stream or table. */
public final class SqlDescribeSource extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("DESCRIBE SOURCE", SqlKind.OTHER,
      (pos, operands) -> new SqlDescribeSource(pos, (SqlIdentifier) operands[0],
          Operands.flag(operands[1])));

  private final SqlIdentifier name;
  private final boolean extended;

  public SqlDescribeSource(SqlParserPos pos, SqlIdentifier name, boolean extended) {
    super(pos);
    this.name = name;
    this.extended = extended;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean extended() {
    return extended;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, Operands.flag(extended));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DESCRIBE");
    Unparse.keywordIf(writer, extended, "EXTENDED");
    name.unparse(writer, 0, 0);
  }
}

package io.sluice.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP VIEW [IF EXISTS] name}. */
public final class SqlDropView extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("DROP VIEW", SqlKind.OTHER_DDL,
      (pos, operands) -> new SqlDropView(pos, Operands.flag(operands[0]), (SqlIdentifier) operands[1]));

  private final boolean ifExists;
  private final SqlIdentifier name;

  public SqlDropView(SqlParserPos pos, boolean ifExists, SqlIdentifier name) {
    super(pos);
    this.ifExists = ifExists;
    this.name = name;
  }

  public boolean ifExists() {
    return ifExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(Operands.flag(ifExists), name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP VIEW");
    Unparse.keywordIf(writer, ifExists, "IF EXISTS");
    name.unparse(writer, 0, 0);
  }
}

package io.sluice.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [OR REPLACE] STREAM|TABLE [IF NOT EXISTS] name [(columns)] [WITH (...)]}:
 * declares a source over an existing topic.
 */
public final class SqlCreateSource extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("CREATE SOURCE",
      SqlKind.OTHER_DDL,
      (pos, operands) -> new SqlCreateSource(pos, Operands.flag(operands[0]),
          Operands.flag(operands[1]), Operands.flag(operands[2]), (SqlIdentifier) operands[3],
          Operands.list(operands[4], SqlColumnDeclaration.class), (SqlProperties) operands[5]));

  private final boolean table;
  private final boolean orReplace;
  private final boolean ifNotExists;
  private final SqlIdentifier name;
  private final List<SqlColumnDeclaration> columns;
  private final SqlProperties properties;

  public SqlCreateSource(SqlParserPos pos, boolean table, boolean orReplace, boolean ifNotExists,
      SqlIdentifier name, List<SqlColumnDeclaration> columns, SqlProperties properties) {
    super(pos);
    this.table = table;
    this.orReplace = orReplace;
    this.ifNotExists = ifNotExists;
    this.name = name;
    this.columns = List.copyOf(columns);
    this.properties = properties;
  }

  /** True for CREATE TABLE, false for CREATE STREAM. */
  public boolean table() {
    return table;
  }

  public boolean orReplace() {
    return orReplace;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  /** The declared columns; empty when the statement leaves them to a schema registry. */
  public List<SqlColumnDeclaration> columns() {
    return columns;
  }

  public SqlProperties properties() {
    return properties;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(Operands.flag(table), Operands.flag(orReplace), Operands.flag(ifNotExists),
        name, Operands.nodeList(columns), properties);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    Unparse.keywordIf(writer, orReplace, "OR REPLACE");
    writer.keyword(table ? "TABLE" : "STREAM");
    Unparse.keywordIf(writer, ifNotExists, "IF NOT EXISTS");
    name.unparse(writer, 0, 0);
    if (!columns.isEmpty()) {
      Unparse.list(writer, columns, "(", ")");
    }
    properties.unparse(writer, 0, 0);
  }
}

package io.sluice.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC]}. */
public final class SqlDropSource extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("DROP SOURCE", SqlKind.OTHER_DDL,
      (pos, operands) -> new SqlDropSource(pos, Operands.flag(operands[0]),
          Operands.flag(operands[1]), (SqlIdentifier) operands[2], Operands.flag(operands[3])));

  private final boolean table;
  private final boolean ifExists;
  private final SqlIdentifier name;
  private final boolean deleteTopic;

  public SqlDropSource(SqlParserPos pos, boolean table, boolean ifExists, SqlIdentifier name,
      boolean deleteTopic) {
    super(pos);
    this.table = table;
    this.ifExists = ifExists;
    this.name = name;
    this.deleteTopic = deleteTopic;
  }

  /** True for DROP TABLE, false for DROP STREAM. */
  public boolean table() {
    return table;
  }

  public boolean ifExists() {
    return ifExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  /** True when the source's Kafka topic is to be deleted as well. */
  public boolean deleteTopic() {
    return deleteTopic;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(Operands.flag(table), Operands.flag(ifExists), name,
        Operands.flag(deleteTopic));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP");
    writer.keyword(table ? "TABLE" : "STREAM");
    Unparse.keywordIf(writer, ifExists, "IF EXISTS");
    name.unparse(writer, 0, 0);
    Unparse.keywordIf(writer, deleteTopic, "DELETE TOPIC");
  }
}

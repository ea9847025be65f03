package io.sluice.parser.ast;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name AS query}: a named query that other
 * queries read as if it were a stream or table, expanded where they name it; nothing runs.
 */
public final class SqlCreateView extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("CREATE VIEW", SqlKind.OTHER_DDL,
      (pos, operands) -> new SqlCreateView(pos, Operands.flag(operands[0]), Operands.flag(operands[1]),
          (SqlIdentifier) operands[2], operands[3]));

  private final boolean orReplace;
  private final boolean ifNotExists;
  private final SqlIdentifier name;
  private final SqlNode query;

  public SqlCreateView(SqlParserPos pos, boolean orReplace, boolean ifNotExists, SqlIdentifier name,
      SqlNode query) {
    super(pos);
    this.orReplace = orReplace;
    this.ifNotExists = ifNotExists;
    this.name = name;
    this.query = query;
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

  /** The query: a Calcite SqlSelect, or another query expression such as a UNION. */
  public SqlNode query() {
    return query;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(Operands.flag(orReplace), Operands.flag(ifNotExists), name, query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    Unparse.keywordIf(writer, orReplace, "OR REPLACE");
    writer.keyword("VIEW");
    Unparse.keywordIf(writer, ifNotExists, "IF NOT EXISTS");
    name.unparse(writer, 0, 0);
    writer.keyword("AS");
    query.unparse(writer, 0, 0);
  }
}

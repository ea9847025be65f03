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
 * {@code EXPLAIN query_id} or {@code EXPLAIN statement}, where the statement is a query,
 * CREATE ... AS SELECT or INSERT INTO ... SELECT. Exactly one of the two is non-null.
 */
public final class SqlExplainStatement extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("EXPLAIN STATEMENT",
      SqlKind.OTHER,
      (pos, operands) -> new SqlExplainStatement(pos, (SqlIdentifier) operands[0], operands[1]));

  private final SqlIdentifier queryId;
  private final SqlNode statement;

  public SqlExplainStatement(SqlParserPos pos, SqlIdentifier queryId, SqlNode statement) {
    super(pos);
    if ((queryId == null) == (statement == null)) {
      throw new IllegalArgumentException("EXPLAIN takes either a query id or a statement");
    }
    this.queryId = queryId;
    this.statement = statement;
  }

  /** The running query to explain, or null when a statement is explained. */
  public SqlIdentifier queryId() {
    return queryId;
  }

  /** The statement to explain, or null when a running query is explained. */
  public SqlNode statement() {
    return statement;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(queryId, statement);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("EXPLAIN");
    (queryId != null ? queryId : statement).unparse(writer, 0, 0);
  }
}

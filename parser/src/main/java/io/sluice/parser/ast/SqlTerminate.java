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

/** {@code TERMINATE query_id} or {@code TERMINATE ALL}: stops persistent queries. */
public final class SqlTerminate extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("TERMINATE", SqlKind.OTHER,
      (pos, operands) -> new SqlTerminate(pos, (SqlIdentifier) operands[0]));

  private final SqlIdentifier queryId;

  /** Terminates one query, or all of them when {@code queryId} is null. */
  public SqlTerminate(SqlParserPos pos, SqlIdentifier queryId) {
    super(pos);
    this.queryId = queryId;
  }

  /** The query to stop, such as CSAS_S2_3; null for TERMINATE ALL. */
  public SqlIdentifier queryId() {
    return queryId;
  }

  public boolean all() {
    return queryId == null;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(queryId);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("TERMINATE");
    if (queryId == null) {
      writer.keyword("ALL");
    } else {
      queryId.unparse(writer, 0, 0);
    }
  }
}

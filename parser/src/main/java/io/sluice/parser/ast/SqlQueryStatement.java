package io.sluice.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A query typed as a statement of its own, {@code SELECT ... [EMIT CHANGES|FINAL] [LIMIT n]}:
 * a push query when it emits changes, otherwise a pull query.
 */
public final class SqlQueryStatement extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("QUERY STATEMENT", SqlKind.OTHER,
      (pos, operands) -> new SqlQueryStatement(pos, operands[0],
          Operands.symbol(operands[1], EmitMode.class)));

  private final SqlNode query;
  private final EmitMode emit;

  public SqlQueryStatement(SqlParserPos pos, SqlNode query, EmitMode emit) {
    super(pos);
    this.query = query;
    this.emit = emit;
  }

  /**
   * The query: a Calcite SqlSelect (or other query node), or an SqlOrderBy when it has
   * ORDER BY or LIMIT, including a LIMIT written after the EMIT clause.
   */
  public SqlNode query() {
    return query;
  }

  public EmitMode emit() {
    return emit;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(query, Operands.symbol(emit));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    // ksqlDB writes a bare LIMIT after the EMIT clause, so print it there.
    if (emit != EmitMode.NONE && query instanceof SqlOrderBy orderBy
        && orderBy.orderList.isEmpty() && orderBy.offset == null && orderBy.fetch != null) {
      orderBy.query.unparse(writer, 0, 0);
      Unparse.queryTail(writer, null, emit);
      writer.keyword("LIMIT");
      orderBy.fetch.unparse(writer, 0, 0);
    } else {
      query.unparse(writer, 0, 0);
      Unparse.queryTail(writer, null, emit);
    }
  }
}

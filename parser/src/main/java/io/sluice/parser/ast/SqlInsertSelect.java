package io.sluice.parser.ast;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code INSERT INTO name [WITH (...)] query [PARTITION BY ...] [EMIT CHANGES]}: starts a
 * persistent query that writes into an existing stream.
 */
public final class SqlInsertSelect extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("INSERT SELECT", SqlKind.OTHER,
      (pos, operands) -> new SqlInsertSelect(pos, (SqlIdentifier) operands[0],
          (SqlProperties) operands[1], operands[2], (SqlNodeList) operands[3],
          Operands.symbol(operands[4], EmitMode.class)));

  private final SqlIdentifier name;
  private final SqlProperties properties;
  private final SqlNode query;
  private final SqlNodeList partitionBy;
  private final EmitMode emit;

  public SqlInsertSelect(SqlParserPos pos, SqlIdentifier name, SqlProperties properties,
      SqlNode query, SqlNodeList partitionBy, EmitMode emit) {
    super(pos);
    this.name = name;
    this.properties = properties;
    this.query = query;
    this.partitionBy = partitionBy;
    this.emit = emit;
  }

  /** The target source. */
  public SqlIdentifier name() {
    return name;
  }

  public SqlProperties properties() {
    return properties;
  }

  /** The query: a Calcite SqlSelect, or an SqlOrderBy when it has ORDER BY or LIMIT. */
  public SqlNode query() {
    return query;
  }

  /** The PARTITION BY expressions, or null when there is no PARTITION BY clause. */
  public SqlNodeList partitionBy() {
    return partitionBy;
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
    return Arrays.asList(name, properties, query, partitionBy, Operands.symbol(emit));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("INSERT INTO");
    name.unparse(writer, 0, 0);
    properties.unparse(writer, 0, 0);
    query.unparse(writer, 0, 0);
    Unparse.queryTail(writer, partitionBy, emit);
  }
}

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
 * {@code CREATE [OR REPLACE] STREAM|TABLE [IF NOT EXISTS] name [WITH (...)] AS query
 * [PARTITION BY ...] [EMIT CHANGES|FINAL]}: starts a persistent query into a new source.
 */
public final class SqlCreateAsSelect extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("CREATE AS SELECT",
      SqlKind.OTHER_DDL,
      (pos, operands) -> new SqlCreateAsSelect(pos, Operands.flag(operands[0]),
          Operands.flag(operands[1]), Operands.flag(operands[2]), (SqlIdentifier) operands[3],
          (SqlProperties) operands[4], operands[5], (SqlNodeList) operands[6],
          Operands.symbol(operands[7], EmitMode.class)));

  private final boolean table;
  private final boolean orReplace;
  private final boolean ifNotExists;
  private final SqlIdentifier name;
  private final SqlProperties properties;
  private final SqlNode query;
  private final SqlNodeList partitionBy;
  private final EmitMode emit;

  public SqlCreateAsSelect(SqlParserPos pos, boolean table, boolean orReplace,
      boolean ifNotExists, SqlIdentifier name, SqlProperties properties, SqlNode query,
      SqlNodeList partitionBy, EmitMode emit) {
    super(pos);
    this.table = table;
    this.orReplace = orReplace;
    this.ifNotExists = ifNotExists;
    this.name = name;
    this.properties = properties;
    this.query = query;
    this.partitionBy = partitionBy;
    this.emit = emit;
  }

  /** True for CREATE TABLE ... AS, false for CREATE STREAM ... AS. */
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
    return Arrays.asList(Operands.flag(table), Operands.flag(orReplace),
        Operands.flag(ifNotExists), name, properties, query, partitionBy, Operands.symbol(emit));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    Unparse.keywordIf(writer, orReplace, "OR REPLACE");
    writer.keyword(table ? "TABLE" : "STREAM");
    Unparse.keywordIf(writer, ifNotExists, "IF NOT EXISTS");
    name.unparse(writer, 0, 0);
    properties.unparse(writer, 0, 0);
    writer.keyword("AS");
    query.unparse(writer, 0, 0);
    Unparse.queryTail(writer, partitionBy, emit);
  }
}

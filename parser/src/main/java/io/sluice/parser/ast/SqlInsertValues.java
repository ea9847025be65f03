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

/** {@code INSERT INTO name [(columns)] VALUES (...)[, (...)]*}: writes literal rows to a source. */
public final class SqlInsertValues extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("INSERT VALUES", SqlKind.OTHER,
      (pos, operands) -> new SqlInsertValues(pos, (SqlIdentifier) operands[0],
          (SqlNodeList) operands[1], Operands.list(operands[2], SqlNodeList.class)));

  private final SqlIdentifier name;
  private final SqlNodeList columns;
  private final List<SqlNodeList> rows;

  public SqlInsertValues(SqlParserPos pos, SqlIdentifier name, SqlNodeList columns,
      List<SqlNodeList> rows) {
    super(pos);
    this.name = name;
    this.columns = columns;
    this.rows = List.copyOf(rows);
  }

  /** The target source. */
  public SqlIdentifier name() {
    return name;
  }

  /** The listed column names, or null when the statement lists none. */
  public SqlNodeList columns() {
    return columns;
  }

  /** The rows, each a list of expressions. */
  public List<SqlNodeList> rows() {
    return rows;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(name, columns, Operands.nodeList(rows));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("INSERT INTO");
    name.unparse(writer, 0, 0);
    if (columns != null) {
      Unparse.list(writer, columns, "(", ")");
    }
    writer.keyword("VALUES");
    final SqlWriter.Frame frame = writer.startList("", "");
    for (SqlNodeList row : rows) {
      writer.sep(",");
      Unparse.list(writer, row, "(", ")");
    }
    writer.endList(frame);
  }
}

package io.sluice.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW|LIST STREAMS|TABLES|QUERIES|TOPICS|PROPERTIES|FUNCTIONS [EXTENDED]}. */
public final class SqlShow extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("SHOW", SqlKind.OTHER,
      (pos, operands) -> new SqlShow(pos, Operands.symbol(operands[0], ShowKind.class),
          Operands.flag(operands[1])));

  private final ShowKind kind;
  private final boolean extended;

  public SqlShow(SqlParserPos pos, ShowKind kind, boolean extended) {
    super(pos);
    this.kind = kind;
    this.extended = extended;
  }

  public ShowKind kind() {
    return kind;
  }

  public boolean extended() {
    return extended;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(Operands.symbol(kind), Operands.flag(extended));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW");
    writer.keyword(kind.name());
    Unparse.keywordIf(writer, extended, "EXTENDED");
  }
}

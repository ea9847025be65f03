package io.sluice.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** A column written as {@code name type [KEY | PRIMARY KEY]}; also a field of a STRUCT type. */
public final class SqlColumnDeclaration extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("COLUMN", SqlKind.OTHER,
      (pos, operands) -> new SqlColumnDeclaration(pos, (SqlIdentifier) operands[0],
          (SqlTypeDeclaration) operands[1], Operands.symbol(operands[2], ColumnConstraint.class)));

  private final SqlIdentifier name;
  private final SqlTypeDeclaration type;
  private final ColumnConstraint constraint;

  public SqlColumnDeclaration(SqlParserPos pos, SqlIdentifier name, SqlTypeDeclaration type,
      ColumnConstraint constraint) {
    super(pos);
    this.name = name;
    this.type = type;
    this.constraint = constraint;
  }

  public SqlIdentifier name() {
    return name;
  }

  public SqlTypeDeclaration type() {
    return type;
  }

  public ColumnConstraint constraint() {
    return constraint;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, type, Operands.symbol(constraint));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    type.unparse(writer, 0, 0);
    switch (constraint) {
      case KEY -> writer.keyword("KEY");
      case PRIMARY_KEY -> writer.keyword("PRIMARY KEY");
      case NONE -> { }
    }
  }
}

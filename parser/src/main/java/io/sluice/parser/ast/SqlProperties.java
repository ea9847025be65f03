package io.sluice.parser.ast;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** The WITH (...) property list of a statement; empty when the statement has no WITH clause. */
public final class SqlProperties extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("PROPERTIES", SqlKind.OTHER,
      (pos, operands) -> new SqlProperties(pos, Operands.list(operands[0], SqlProperty.class)));

  private final List<SqlProperty> properties;

  public SqlProperties(SqlParserPos pos, List<SqlProperty> properties) {
    super(pos);
    this.properties = List.copyOf(properties);
  }

  /** An empty property list, for a statement without a WITH clause. */
  public static SqlProperties empty(SqlParserPos pos) {
    return new SqlProperties(pos, List.of());
  }

  /** The value of a property, looked up by its upper-cased name. */
  public Optional<SqlLiteral> get(String upperKey) {
    return properties.stream()
        .filter(property -> property.key().equals(upperKey))
        .map(SqlProperty::value)
        .findFirst();
  }

  /** The properties in the order they were written. */
  public List<SqlProperty> list() {
    return properties;
  }

  public boolean isEmpty() {
    return properties.isEmpty();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(Operands.nodeList(properties));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (!isEmpty()) {
      writer.keyword("WITH");
      Unparse.list(writer, properties, "(", ")");
    }
  }
}

package io.sluice.parser.ast;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** One {@code KEY = literal} entry of a WITH (...) clause; the key is upper-cased. */
public final class SqlProperty extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("PROPERTY", SqlKind.OTHER,
      (pos, operands) -> new SqlProperty(pos, ((SqlIdentifier) operands[0]).getSimple(),
          (SqlLiteral) operands[1]));

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Z_][A-Z0-9_]*");

  private final String key;
  private final SqlLiteral value;

  public SqlProperty(SqlParserPos pos, String key, SqlLiteral value) {
    super(pos);
    this.key = key;
    this.value = value;
  }

  /** The property name, upper-cased: ksqlDB property names ignore case. */
  public String key() {
    return key;
  }

  /** The value as written: a string, numeric or boolean literal. */
  public SqlLiteral value() {
    return value;
  }

  /** Where the entry was written, from its key to its value. */
  public SqlParserPos position() {
    return getParserPosition();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(new SqlIdentifier(key, SqlParserPos.ZERO), value);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    // Keys such as TIMESTAMP are reserved words elsewhere but plain names here.
    if (PLAIN_KEY.matcher(key).matches()) {
      writer.print(key);
    } else {
      writer.identifier(key, true);
    }
    writer.setNeedWhitespace(false);
    writer.print("=");
    writer.setNeedWhitespace(false);
    value.unparse(writer, 0, 0);
  }
}

package io.sluice.parser.ast;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code PRINT topic [FROM BEGINNING | LAST n] [INTERVAL n] [LIMIT n]}: shows a topic's raw records;
 * {@code LAST n}, Sluice's own, starts with the topic's latest n records.
 */
public final class SqlPrint extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("PRINT", SqlKind.OTHER,
      (pos, operands) -> new SqlPrint(pos, ((SqlLiteral) operands[0]).getValueAs(String.class),
          Operands.flag(operands[1]), Operands.integer(operands[2]), Operands.integer(operands[3]),
          Operands.integer(operands[4])));

  private final String topic;
  private final boolean fromBeginning;
  private final Integer last;
  private final Integer interval;
  private final Integer limit;

  public SqlPrint(SqlParserPos pos, String topic, boolean fromBeginning, Integer last, Integer interval,
      Integer limit) {
    super(pos);
    this.topic = topic;
    this.fromBeginning = fromBeginning;
    this.last = last;
    this.interval = interval;
    this.limit = limit;
  }

  /** The topic name exactly as the user spelled it: topic names are case-sensitive. */
  public String topic() {
    return topic;
  }

  public boolean fromBeginning() {
    return fromBeginning;
  }

  /** How many of the topic's latest records to start with; null when not given. */
  public Integer last() {
    return last;
  }

  /** Print every n-th record; null when not given. */
  public Integer interval() {
    return interval;
  }

  /** Stop after this many records; null when not given. */
  public Integer limit() {
    return limit;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(SqlLiteral.createCharString(topic, SqlParserPos.ZERO),
        Operands.flag(fromBeginning), Operands.integer(last), Operands.integer(interval), Operands.integer(limit));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("PRINT");
    SqlLiteral.createCharString(topic, SqlParserPos.ZERO).unparse(writer, 0, 0);
    Unparse.keywordIf(writer, fromBeginning, "FROM BEGINNING");
    if (last != null) {
      writer.keyword("LAST");
      Operands.integer(last).unparse(writer, 0, 0);
    }
    if (interval != null) {
      writer.keyword("INTERVAL");
      Operands.integer(interval).unparse(writer, 0, 0);
    }
    if (limit != null) {
      writer.keyword("LIMIT");
      Operands.integer(limit).unparse(writer, 0, 0);
    }
  }
}

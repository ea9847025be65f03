package io.sluice.parser.ast;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The right side of a stream-stream join with ksqlDB's {@code WITHIN} clause: the joined table
 * and how far apart in time two records may be to join. The parser puts it where the join's right
 * side goes, since the clause is written right after it ({@code a JOIN b WITHIN 1 HOUR ON ...}); the
 * planner takes it apart before validation.
 */
public final class SqlJoinWithin extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("WITHIN", SqlKind.OTHER,
      (pos, operands) -> new SqlJoinWithin(pos, operands[0], millis(operands[1]), millis(operands[2]),
          millis(operands[3])));

  private SqlNode table;
  private final Duration before;
  private final Duration after;
  private final Duration grace;

  private SqlJoinWithin(SqlParserPos pos, SqlNode table, Duration before, Duration after, Duration grace) {
    super(pos);
    this.table = Objects.requireNonNull(table);
    this.before = Objects.requireNonNull(before);
    this.after = Objects.requireNonNull(after);
    this.grace = grace;
  }

  /**
   * {@code table WITHIN before, after [GRACE PERIOD grace]}, written at {@code pos}; grace is null
   * when it was not written.
   */
  public static SqlJoinWithin of(SqlParserPos pos, SqlNode table, Duration before, Duration after, Duration grace) {
    return new SqlJoinWithin(pos, table, before, after, grace);
  }

  /** The joined table (or subquery), with its alias. */
  public SqlNode table() {
    return table;
  }

  /** How long before the left record's time a right record may be and still join. */
  public Duration before() {
    return before;
  }

  /** How long after the left record's time a right record may be and still join. */
  public Duration after() {
    return after;
  }

  /** The grace period when written, otherwise null. */
  public Duration grace() {
    return grace;
  }

  /** Where the clause was written, from WITHIN to its end. */
  public SqlParserPos position() {
    return getParserPosition();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(table, literal(before), literal(after), literal(grace));
  }

  @Override
  public void setOperand(int i, SqlNode operand) {
    if (i != 0) {
      throw new IllegalArgumentException("only the table of a WITHIN clause can be replaced");
    }
    table = operand;
  }

  /** Prints the table, then the clause: one duration when both are the same, else both in parentheses. */
  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    table.unparse(writer, leftPrec, rightPrec);
    writer.keyword("WITHIN");
    if (before.equals(after)) {
      Unparse.duration(writer, before);
    } else {
      final SqlWriter.Frame frame = writer.startList("(", ")");
      writer.sep(",");
      Unparse.duration(writer, before);
      writer.sep(",");
      Unparse.duration(writer, after);
      writer.endList(frame);
    }
    if (grace != null) {
      writer.keyword("GRACE PERIOD");
      Unparse.duration(writer, grace);
    }
  }

  private static SqlLiteral literal(Duration duration) {
    return duration == null ? null : SqlLiteral.createExactNumeric(Long.toString(duration.toMillis()), SqlParserPos.ZERO);
  }

  private static Duration millis(SqlNode operand) {
    return operand == null ? null : Duration.ofMillis(((SqlLiteral) operand).longValue(true));
  }
}

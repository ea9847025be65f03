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
 * ksqlDB's {@code WINDOW TUMBLING|HOPPING|SESSION (...)} clause of a SELECT, with its durations
 * resolved to {@link Duration}s.
 */
public final class SqlWindowSpec extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("KSQL WINDOW", SqlKind.OTHER,
      (pos, operands) -> new SqlWindowSpec(pos, Operands.symbol(operands[0], WindowKind.class),
          millis(operands[1]), millis(operands[2]), millis(operands[3]), millis(operands[4]),
          operands[3] == null ? null : operands[3].getParserPosition()));

  private final WindowKind kind;
  private final Duration length;
  private final Duration advance;
  private final Duration retention;
  private final Duration grace;
  private final SqlParserPos retentionPosition;

  private SqlWindowSpec(SqlParserPos pos, WindowKind kind, Duration length, Duration advance,
      Duration retention, Duration grace, SqlParserPos retentionPosition) {
    super(pos);
    this.kind = Objects.requireNonNull(kind);
    this.length = Objects.requireNonNull(length);
    if ((kind == WindowKind.HOPPING) != (advance != null)) {
      throw new IllegalArgumentException("ADVANCE BY belongs to HOPPING windows, and only them");
    }
    this.advance = advance;
    this.retention = retention;
    this.grace = grace;
    this.retentionPosition = retentionPosition;
  }

  /**
   * {@code WINDOW TUMBLING (SIZE size ...)}; retention and grace may be null, and so may the
   * position of the RETENTION keyword when it was not written.
   */
  public static SqlWindowSpec tumbling(SqlParserPos pos, Duration size, Duration retention,
      Duration grace, SqlParserPos retentionPosition) {
    return new SqlWindowSpec(pos, WindowKind.TUMBLING, size, null, retention, grace,
        retentionPosition);
  }

  /** {@code WINDOW HOPPING (SIZE size, ADVANCE BY advance ...)}; the rest as for tumbling. */
  public static SqlWindowSpec hopping(SqlParserPos pos, Duration size, Duration advance,
      Duration retention, Duration grace, SqlParserPos retentionPosition) {
    return new SqlWindowSpec(pos, WindowKind.HOPPING, size, advance, retention, grace,
        retentionPosition);
  }

  /** {@code WINDOW SESSION (gap ...)}; the rest as for tumbling. */
  public static SqlWindowSpec session(SqlParserPos pos, Duration gap, Duration retention,
      Duration grace, SqlParserPos retentionPosition) {
    return new SqlWindowSpec(pos, WindowKind.SESSION, gap, null, retention, grace,
        retentionPosition);
  }

  public WindowKind kind() {
    return kind;
  }

  /** The length of each TUMBLING or HOPPING window; null for SESSION windows. */
  public Duration size() {
    return kind == WindowKind.SESSION ? null : length;
  }

  /** How far apart HOPPING windows start; null for the other kinds. */
  public Duration advance() {
    return advance;
  }

  /** The inactivity that closes a SESSION window; null for the other kinds. */
  public Duration gap() {
    return kind == WindowKind.SESSION ? length : null;
  }

  /** How long windows are kept for queries, when RETENTION was written; otherwise null. */
  public Duration retention() {
    return retention;
  }

  /**
   * Where the RETENTION option was written, for errors about its value; null when it was not
   * written.
   */
  public SqlParserPos retentionPosition() {
    return retentionPosition;
  }

  /** How late records may still join a window, when GRACE PERIOD was written; otherwise null. */
  public Duration grace() {
    return grace;
  }

  /** Where the clause was written, from WINDOW to its closing parenthesis. */
  public SqlParserPos position() {
    return getParserPosition();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(Operands.symbol(kind), millis(length), millis(advance),
        millis(retention, retentionPosition), millis(grace));
  }

  /** Prints the clause canonically: SIZE, ADVANCE BY, RETENTION, GRACE PERIOD, in that order. */
  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("WINDOW");
    writer.keyword(kind.name());
    final SqlWriter.Frame frame = writer.startList("(", ")");
    writer.sep(",");
    if (kind != WindowKind.SESSION) {
      writer.keyword("SIZE");
    }
    Unparse.duration(writer, length);
    if (advance != null) {
      writer.sep(",");
      writer.keyword("ADVANCE BY");
      Unparse.duration(writer, advance);
    }
    if (retention != null) {
      writer.sep(",");
      writer.keyword("RETENTION");
      Unparse.duration(writer, retention);
    }
    if (grace != null) {
      writer.sep(",");
      writer.keyword("GRACE PERIOD");
      Unparse.duration(writer, grace);
    }
    writer.endList(frame);
  }

  private static SqlLiteral millis(Duration duration) {
    return millis(duration, SqlParserPos.ZERO);
  }

  private static SqlLiteral millis(Duration duration, SqlParserPos pos) {
    return duration == null ? null
        : SqlLiteral.createExactNumeric(Long.toString(duration.toMillis()),
            pos == null ? SqlParserPos.ZERO : pos);
  }

  private static Duration millis(SqlNode operand) {
    return operand == null ? null : Duration.ofMillis(((SqlLiteral) operand).longValue(true));
  }
}

package io.sluice.planner;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A statement that cannot be planned, with a user-facing message and the 1-based line and column
 * of the fault in the submitted text (0 when no position is known).
 */
public class PlanningException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public PlanningException(String message, SqlParserPos pos) {
    this(message, pos == null ? 0 : pos.getLineNum(), pos == null ? 0 : pos.getColumnNum(), null);
  }

  public PlanningException(String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}

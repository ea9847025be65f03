package io.sluice.parser.impl;

import io.sluice.parser.ast.SqlWindowSpec;
import io.sluice.parser.ast.WindowKind;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Collects and checks the parts of a WINDOW clause as the grammar reads them. */
final class WindowClauseBuilder {

  private final WindowKind kind;
  private final Duration length;
  private final Duration advance;
  private Duration retention;
  private SqlParserPos retentionAt;
  private Duration grace;

  private WindowClauseBuilder(WindowKind kind, Duration length, Duration advance) {
    this.kind = kind;
    this.length = length;
    this.advance = advance;
  }

  static WindowClauseBuilder tumbling(Duration size) {
    return new WindowClauseBuilder(WindowKind.TUMBLING, size, null);
  }

  /** A hopping window, refused when it would advance by more than its size and skip records. */
  static WindowClauseBuilder hopping(Duration size, Duration advance, SqlParserPos advanceAt) {
    if (advance.compareTo(size) > 0) {
      throw GrammarActions.error(advanceAt, "ADVANCE BY must not exceed the window SIZE");
    }
    return new WindowClauseBuilder(WindowKind.HOPPING, size, advance);
  }

  static WindowClauseBuilder session(Duration gap) {
    return new WindowClauseBuilder(WindowKind.SESSION, gap, null);
  }

  void retention(Duration duration, SqlParserPos at) {
    if (retention != null) {
      throw GrammarActions.error(at, "RETENTION is given twice");
    }
    retention = duration;
    retentionAt = at;
  }

  void grace(Duration duration, SqlParserPos at) {
    if (grace != null) {
      throw GrammarActions.error(at, "GRACE PERIOD is given twice");
    }
    grace = duration;
  }

  SqlWindowSpec build(SqlParserPos pos) {
    return switch (kind) {
      case TUMBLING -> SqlWindowSpec.tumbling(pos, length, retention, grace, retentionAt);
      case HOPPING -> SqlWindowSpec.hopping(pos, length, advance, retention, grace, retentionAt);
      case SESSION -> SqlWindowSpec.session(pos, length, retention, grace, retentionAt);
    };
  }

  /**
   * The duration written as {@code number unit}; {@code what} names it in the errors for a
   * zero where a positive duration is needed, or for more milliseconds than a long holds.
   */
  static Duration duration(String what, boolean positive, Token number, ChronoUnit unit) {
    final SqlParserPos at = new SqlParserPos(number.beginLine, number.beginColumn,
        number.endLine, number.endColumn);
    try {
      final long millis =
          Math.multiplyExact(Long.parseLong(number.image), unit.getDuration().toMillis());
      if (positive && millis == 0) {
        throw GrammarActions.error(at, what + " must be greater than zero");
      }
      return Duration.ofMillis(millis);
    } catch (NumberFormatException | ArithmeticException e) {
      throw GrammarActions.error(at, what + " is too long");
    }
  }

  /**
   * The error for a token found where a time unit belongs; the end of input is placed just
   * after the number, as the other syntax errors place it.
   */
  static CalciteContextException expectedUnit(Token number, Token found) {
    final String expected = ". Expected a time unit: MILLISECONDS, SECONDS, MINUTES, HOURS or DAYS";
    if (found.kind == SluiceSqlParserImplConstants.EOF) {
      return GrammarActions.error(new SqlParserPos(number.endLine, number.endColumn + 1),
          "unexpected end of input" + expected);
    }
    return GrammarActions.error(
        new SqlParserPos(found.beginLine, found.beginColumn, found.endLine, found.endColumn),
        "unexpected '" + found.image + "'" + expected);
  }
}

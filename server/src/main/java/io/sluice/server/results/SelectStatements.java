package io.sluice.server.results;

import io.sluice.parser.ParsedStatement;
import io.sluice.parser.SluiceParseException;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.SqlQueryStatement;
import io.sluice.server.entity.StatementErrorEntity;
import java.util.List;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Parses the text of a SELECT endpoint request, which must be exactly one query statement. */
public final class SelectStatements {

  private SelectStatements() {}

  /** The one SELECT in {@code sql}, or a {@link SelectRefusedException} saying what is wrong and where. */
  public static ParsedStatement parseOne(String sql) {
    List<ParsedStatement> statements;
    try {
      statements = SluiceParser.parse(sql);
    } catch (SluiceParseException e) {
      throw new SelectRefusedException(StatementErrorEntity.of(StatementErrorEntity.BAD_STATEMENT, e.getMessage(),
          e.statementText(), e.line(), e.column(), List.of()));
    }
    if (statements.size() != 1) {
      throw refused("Expected exactly one SELECT statement, not " + statements.size(), sql, 1, 1);
    }
    ParsedStatement statement = statements.get(0);
    if (!(statement.node() instanceof SqlQueryStatement)) {
      throw refused(statement, "Only SELECT statements run here; send other statements to /ksql");
    }
    return statement;
  }

  /**
   * True if the text's first word is SELECT, in any case: a query for the select runner, which
   * parses it only when it must (a repeated pull query it does not parse at all).
   */
  public static boolean startsWithSelect(String sql) {
    int start = 0;
    while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
      start++;
    }
    int end = start + "SELECT".length();
    return sql.regionMatches(true, start, "SELECT", 0, "SELECT".length())
        && (end == sql.length() || !Character.isLetterOrDigit(sql.charAt(end)) && sql.charAt(end) != '_');
  }

  /** A refusal of {@code statement} at its start. */
  public static SelectRefusedException refused(ParsedStatement statement, String message) {
    SqlParserPos pos = statement.node().getParserPosition();
    return refused(message, statement.text(), pos.getLineNum(), pos.getColumnNum());
  }

  public static SelectRefusedException refused(String message, String statementText, int line, int column) {
    return new SelectRefusedException(StatementErrorEntity.of(
        StatementErrorEntity.BAD_STATEMENT, message, statementText, line, column, List.of()));
  }
}

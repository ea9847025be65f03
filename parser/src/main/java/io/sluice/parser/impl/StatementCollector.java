package io.sluice.parser.impl;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * Records, while the generated parser reads a script, each statement and the positions of
 * its first and last tokens, so that the statement's own text can be cut from the input.
 */
public final class StatementCollector {

  /** A parsed statement and where it sits in the input (1-based lines and columns). */
  public record Span(SqlNode node, int beginLine, int beginColumn, int endLine, int endColumn,
      boolean terminated) {}

  private final List<Span> statements = new ArrayList<>();
  private Token begin;
  private SqlNode pending;
  private Token pendingEnd;

  /** The statements parsed so far, in order. */
  public List<Span> statements() {
    return statements;
  }

  /** The first token of the statement being read, or null between statements. */
  public Token unfinishedStatementStart() {
    return begin;
  }

  void begin(Token first) {
    begin = first;
    pending = null;
  }

  void parsed(SqlNode node, Token last) {
    pending = node;
    pendingEnd = last;
  }

  void terminatedBy(Token semicolon) {
    if (pending != null) {
      add(semicolon, true);
    }
  }

  void endOfInput() {
    if (pending != null) {
      add(pendingEnd, false);
    }
  }

  private void add(Token end, boolean terminated) {
    statements.add(new Span(pending, begin.beginLine, begin.beginColumn, end.endLine,
        end.endColumn, terminated));
    pending = null;
    begin = null;
  }
}

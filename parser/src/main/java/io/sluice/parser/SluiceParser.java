package io.sluice.parser;

import io.sluice.parser.impl.SluiceSqlParserImpl;
import io.sluice.parser.impl.SluiceSqlParserImplConstants;
import io.sluice.parser.impl.StatementCollector;
import io.sluice.parser.impl.Token;
import io.sluice.parser.impl.TokenMgrError;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.util.SourceStringReader;

/** Entry point of the parser: turns a script of ksqlDB-dialect statements into ASTs. */
public final class SluiceParser {

  private static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(SluiceSqlParserImpl.FACTORY)
      .withQuoting(Quoting.BACK_TICK)
      .withUnquotedCasing(Casing.TO_UPPER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withConformance(SqlConformanceEnum.LENIENT);

  private SluiceParser() {}

  /**
   * The parser configuration: back-tick quoting, unquoted names upper-cased, quoted names kept
   * as written and compared case-sensitively, lenient conformance ({@code !=}, {@code LIMIT}).
   */
  public static SqlParser.Config config() {
    return CONFIG;
  }

  /**
   * Parses one or more statements, each ended by a semicolon; the last one may omit it.
   *
   * @throws SluiceParseException at the first statement that cannot be parsed
   */
  public static List<ParsedStatement> parse(String sql) {
    if (sql.isEmpty()) {
      // The generated parser sizes its buffer by the input, and cannot read zero characters.
      return List.of();
    }
    final SourceText source = new SourceText(sql);
    final SluiceSqlParserImpl parser = newParser(sql);
    final StatementCollector collector = new StatementCollector();
    try {
      parser.SluiceScript(collector);
    } catch (Exception | TokenMgrError e) {
      throw SyntaxErrors.describe(e, new SyntaxErrors.Context(parser, source,
          collector.unfinishedStatementStart(), failedStatementText(source, collector)));
    }
    final List<ParsedStatement> statements = new ArrayList<>();
    for (StatementCollector.Span span : collector.statements()) {
      final String text = source.between(span.beginLine(), span.beginColumn(), span.endLine(),
          span.endColumn()).trim();
      statements.add(new ParsedStatement(span.node(), span.terminated() ? text : text + ";"));
    }
    return statements;
  }

  /**
   * Prints a node as canonical Sluice SQL on one line, which parses back to an equal node:
   * keywords and unquoted names upper-case, names quoted only where they must be.
   */
  public static String unparse(SqlNode node) {
    return CanonicalSql.of(node);
  }

  private static SluiceSqlParserImpl newParser(String sql) {
    final SqlAbstractParserImpl parser =
        CONFIG.parserFactory().getParser(new SourceStringReader(sql));
    // The same set-up SqlParser gives its parser, so that both read SQL alike.
    parser.setTabSize(1);
    parser.setQuotedCasing(CONFIG.quotedCasing());
    parser.setUnquotedCasing(CONFIG.unquotedCasing());
    parser.setIdentifierMaxLength(CONFIG.identifierMaxLength());
    parser.setConformance(CONFIG.conformance());
    parser.switchTo(SqlAbstractParserImpl.LexicalState.forConfig(CONFIG));
    return (SluiceSqlParserImpl) parser;
  }

  /**
   * The text of the statement that failed: from its first token, or from the end of the
   * last good statement, up to the next semicolon the lexer finds (or the end of input).
   */
  private static String failedStatementText(SourceText source, StatementCollector collector) {
    final Token start = collector.unfinishedStatementStart();
    final int begin;
    if (start != null) {
      begin = source.offset(start.beginLine, start.beginColumn);
    } else if (!collector.statements().isEmpty()) {
      final StatementCollector.Span last =
          collector.statements().get(collector.statements().size() - 1);
      begin = source.offset(last.endLine(), last.endColumn()) + 1;
    } else {
      begin = 0;
    }
    final String rest = source.text().substring(Math.min(begin, source.text().length()));
    return rest.substring(0, lengthUpToSemicolon(rest)).trim();
  }

  private static int lengthUpToSemicolon(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    final SluiceSqlParserImpl lexer = newParser(text);
    final SourceText source = new SourceText(text);
    try {
      for (Token token = lexer.getNextToken(); token.kind != SluiceSqlParserImplConstants.EOF;
          token = lexer.getNextToken()) {
        if (token.kind == SluiceSqlParserImplConstants.SEMICOLON) {
          return source.offset(token.endLine, token.endColumn) + 1;
        }
      }
    } catch (TokenMgrError e) {
      // Text the lexer cannot read belongs to the failed statement up to the end.
    }
    return text.length();
  }
}

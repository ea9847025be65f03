package io.sluice.parser;

import static org.apache.calcite.util.Static.RESOURCE;

import io.sluice.parser.impl.ParseException;
import io.sluice.parser.impl.SluiceSqlParserImpl;
import io.sluice.parser.impl.SluiceSqlParserImplConstants;
import io.sluice.parser.impl.Token;
import io.sluice.parser.impl.TokenMgrError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/** Turns what the generated parser throws into a short message with a line and column. */
final class SyntaxErrors {

  private static final int MAX_EXPECTED = 8;

  /** Words most likely to be what the user meant, listed first among the expected tokens. */
  private static final List<String> LIKELY_WORDS = List.of(
      "CREATE", "INSERT", "FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "PARTITION", "EMIT",
      "LIMIT", "AS", "WITH", "VALUES", "SELECT", "STREAM", "TABLE", "OR", "IF", "KEY",
      "PRIMARY", "BY", "CHANGES", "FINAL", "INTO", "ON", "JOIN");

  private static final List<String> LIKELY_PUNCTUATION =
      List.of("','", "'('", "')'", "'='", "'<'", "'>'", "';'");

  private static final List<String> CATEGORIES =
      List.of("identifier", "string", "integer", "number", "end of input");

  private static final Pattern LEXICAL_ERROR = Pattern.compile(
      "Lexical error at line (\\d+), column (\\d+)\\.\\s+Encountered: "
          + "(?:<EOF> |\"(.*)\" \\((\\d+)\\), )after : \"(.*)\"",
      Pattern.DOTALL);

  private static final String NON_QUERY =
      RESOURCE.illegalNonQueryExpression().ex().getMessage();

  /** Where the parser was when it failed. */
  record Context(SluiceSqlParserImpl parser, SourceText source, Token statementStart,
      String statementText) {}

  private SyntaxErrors() {}

  static SluiceParseException describe(Throwable error, Context context) {
    if (error instanceof ParseException parseError && parseError.currentToken != null) {
      return unexpectedToken(parseError, context);
    }
    if (error instanceof TokenMgrError lexicalError) {
      return lexical(lexicalError, context);
    }
    if (error instanceof CalciteContextException located) {
      return located(located, context);
    }
    final Token last = context.parser().token;
    return at(last.endLine, last.endColumn, firstLine(error.getMessage()), context);
  }

  private static SluiceParseException unexpectedToken(ParseException error, Context context) {
    // Calcite's clean-up drops non-reserved keywords that are only there as identifiers.
    final SqlParseException cleaned = context.parser().normalizeException(error);
    final int[][] sequences = cleaned.getExpectedTokenSequences();
    final String[] images = cleaned.getTokenImages();
    int longest = 1;
    for (int[] sequence : sequences) {
      longest = Math.max(longest, sequence.length);
    }
    // Every longest sequence matched the input up to its last token, which is where it failed.
    Token previous = error.currentToken;
    Token unexpected = error.currentToken.next;
    for (int i = 1; i < longest && unexpected.next != null; i++) {
      previous = unexpected;
      unexpected = unexpected.next;
    }
    final Optional<UnsupportedSyntax.Recognized> unsupported =
        UnsupportedSyntax.recognize(context.statementStart(), unexpected);
    if (unsupported.isPresent()) {
      final Token start = unsupported.get().at();
      return at(start.beginLine, start.beginColumn, unsupported.get().message(), context);
    }
    final Optional<MisplacedWindow.Explained> window =
        MisplacedWindow.explain(context.statementStart(), unexpected);
    if (window.isPresent()) {
      final Token at = window.get().at();
      return at(at.beginLine, at.beginColumn, window.get().message(), context);
    }
    for (Token token : List.of(previous, unexpected)) {
      // A lone quote is the start of a string literal that never ends.
      if (token.kind == SluiceSqlParserImplConstants.QUOTE) {
        return at(token.beginLine, token.beginColumn, "unterminated string literal", context);
      }
      if (token.kind == SluiceSqlParserImplConstants.DOUBLE_QUOTE) {
        return at(token.beginLine, token.beginColumn, "unexpected '\"'. Quote names with"
            + " back-ticks (`name`) and strings with single quotes ('text')", context);
      }
    }
    final Set<String> expected = new LinkedHashSet<>();
    for (int[] sequence : sequences) {
      if (sequence.length == longest) {
        expected.add(describeExpected(images[sequence[sequence.length - 1]]));
      }
    }
    final List<String> sorted = new ArrayList<>(expected);
    sorted.sort(Comparator.comparingInt(SyntaxErrors::rank)
        .thenComparing(Comparator.naturalOrder()));
    final StringBuilder message = new StringBuilder("unexpected ")
        .append(describeToken(unexpected)).append('.');
    if (sorted.size() == 1) {
      message.append(" Expected ").append(sorted.get(0)).append('.');
    } else if (!sorted.isEmpty()) {
      message.append(" Expected one of: ")
          .append(String.join(", ", sorted.subList(0, Math.min(MAX_EXPECTED, sorted.size()))))
          .append(sorted.size() > MAX_EXPECTED ? " ..." : "");
    }
    if (unexpected.kind == SluiceSqlParserImplConstants.EOF) {
      // The end-of-input token sits on the last character; the fault is just after it.
      return at(previous.endLine, previous.endColumn + 1, message.toString(), context);
    }
    return at(unexpected.beginLine, unexpected.beginColumn, message.toString(), context);
  }

  private static SluiceParseException lexical(TokenMgrError error, Context context) {
    final Matcher matcher = LEXICAL_ERROR.matcher(error.getMessage());
    if (!matcher.matches()) {
      final Token last = context.parser().token;
      return at(last.endLine, last.endColumn, firstLine(error.getMessage()), context);
    }
    final int line = Integer.parseInt(matcher.group(1));
    final int column = Integer.parseInt(matcher.group(2));
    final String after = matcher.group(5);
    if (matcher.group(4) != null) {
      final char c = (char) Integer.parseInt(matcher.group(4));
      return at(line, column, "unexpected character '" + c + "'", context);
    }
    if (after.isEmpty()) {
      // Input ends inside a lexical state other than the default one: only comments do that.
      final int[] start = startOfUnfinishedToken("/*", context);
      return at(start[0], start[1], "unterminated comment", context);
    }
    final String message = after.startsWith("`")
        ? "unterminated quoted identifier" : "unexpected end of input";
    final int[] start = startOfUnfinishedToken(after.substring(0, 1), context);
    return at(start[0], start[1], message, context);
  }

  /** Where the text that runs into the end of input begins, found from the last whole token. */
  private static int[] startOfUnfinishedToken(String opening, Context context) {
    Token last = context.parser().token;
    while (last.next != null) {
      last = last.next;
    }
    final SourceText source = context.source();
    final int from = last.kind == SluiceSqlParserImplConstants.EOF || last.image.isEmpty()
        ? 0 : source.offset(last.endLine, last.endColumn) + 1;
    final int found = source.text().indexOf(opening, from);
    return source.position(found < 0 ? source.text().length() : found);
  }

  private static SluiceParseException located(CalciteContextException error, Context context) {
    final String message = error.getCause() != null
        ? error.getCause().getMessage() : error.getMessage();
    final Token start = context.statementStart();
    if (NON_QUERY.equals(message)) {
      if (start != null && start.beginLine == error.getPosLine()
          && start.beginColumn == error.getPosColumn()) {
        return at(start.beginLine, start.beginColumn, "unexpected '" + start.image
            + "'. Expected a statement such as SELECT, CREATE, INSERT, DROP or SHOW", context);
      }
      return at(error.getPosLine(), error.getPosColumn(),
          "expected a query here, not an expression", context);
    }
    return at(error.getPosLine(), error.getPosColumn(), message, context);
  }

  private static SluiceParseException at(int line, int column, String detail, Context context) {
    return new SluiceParseException(
        "Syntax error at line " + line + ", column " + column + ": " + detail,
        line, column, context.statementText());
  }

  private static String describeToken(Token token) {
    if (token.kind == SluiceSqlParserImplConstants.EOF) {
      return "end of input";
    }
    if (token.image.startsWith("'")) {
      return "string " + token.image;
    }
    return "'" + token.image + "'";
  }

  /** Names a token image of the generated parser, such as "FROM", "," or IDENTIFIER. */
  private static String describeExpected(String image) {
    if (image.length() > 2 && image.startsWith("\"") && image.endsWith("\"")) {
      final String text = image.substring(1, image.length() - 1);
      return Character.isLetter(text.charAt(0)) ? text : "'" + text + "'";
    }
    final String name = image.replaceAll("[<>]", "");
    if (name.equals("EOF")) {
      return "end of input";
    }
    if (name.endsWith("IDENTIFIER")) {
      return "identifier";
    }
    if (name.contains("STRING")) {
      return "string";
    }
    if (name.equals("UNSIGNED_INTEGER_LITERAL")) {
      return "integer";
    }
    if (name.endsWith("NUMERIC_LITERAL")) {
      return "number";
    }
    return name.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static int rank(String expected) {
    if (LIKELY_WORDS.contains(expected)) {
      return LIKELY_WORDS.indexOf(expected);
    }
    int base = LIKELY_WORDS.size();
    if (LIKELY_PUNCTUATION.contains(expected)) {
      return base + LIKELY_PUNCTUATION.indexOf(expected);
    }
    base += LIKELY_PUNCTUATION.size();
    if (CATEGORIES.contains(expected)) {
      return base + CATEGORIES.indexOf(expected);
    }
    base += CATEGORIES.size();
    return Character.isLetter(expected.charAt(0)) ? base : base + 1;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "cannot parse the statement";
    }
    final int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every case of the data files in src/test/resources/cases. */
class ParserCasesTest {

  private static final Path CASES = Path.of("src/test/resources/cases");
  private static final Pattern ERROR = Pattern.compile("ERROR (\\d+):(\\d+) (.+)");
  private static final String TEXT = "TEXT ";
  private static final String FAILED_TEXT = "FAILED TEXT ";

  @TestFactory
  Stream<DynamicTest> everyCaseParsesAsExpected() throws IOException {
    final List<ParserCase> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(CASES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        cases.addAll(ParserCase.read(file));
      }
    }
    assertTrue(cases.size() >= 60, "expected at least 60 cases, found " + cases.size());
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
  }

  private static void check(ParserCase parserCase) {
    final boolean fails =
        parserCase.expectations().stream().anyMatch(e -> ERROR.matcher(e).matches());
    if (fails) {
      checkFailure(parserCase);
    } else {
      checkStatements(parserCase);
    }
  }

  private static void checkStatements(ParserCase parserCase) {
    final List<ParsedStatement> statements = SluiceParser.parse(parserCase.sql());
    int next = 0;
    for (String expectation : parserCase.expectations()) {
      if (expectation.startsWith(TEXT)) {
        assertTrue(next > 0, "TEXT must follow a statement");
        assertEquals(unescape(expectation.substring(TEXT.length())),
            statements.get(next - 1).text());
      } else {
        assertTrue(next < statements.size(), "fewer statements than expected");
        checkCanonical(statements.get(next++).node(), expectation);
      }
    }
    assertEquals(next, statements.size(), "more statements than expected");
  }

  /** The node prints as expected, and the printed SQL reads back to an equal node. */
  private static void checkCanonical(SqlNode node, String expected) {
    assertEquals(expected, SluiceParser.unparse(node));
    final List<ParsedStatement> reparsed = SluiceParser.parse(expected);
    assertEquals(1, reparsed.size());
    assertTrue(node.equalsDeep(reparsed.get(0).node(), Litmus.THROW));
    final SqlNode copy = node.clone(node.getParserPosition());
    assertEquals(node.getClass(), copy.getClass());
    assertTrue(node.equalsDeep(copy, Litmus.THROW));
  }

  private static void checkFailure(ParserCase parserCase) {
    final SluiceParseException error =
        assertThrows(SluiceParseException.class, () -> SluiceParser.parse(parserCase.sql()));
    for (String expectation : parserCase.expectations()) {
      final Matcher matcher = ERROR.matcher(expectation);
      if (matcher.matches()) {
        final int line = Integer.parseInt(matcher.group(1));
        final int column = Integer.parseInt(matcher.group(2));
        assertEquals(line + ":" + column, error.line() + ":" + error.column(),
            error.getMessage());
        assertTrue(error.getMessage().startsWith(
            "Syntax error at line " + line + ", column " + column + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(matcher.group(3)), error.getMessage());
        assertFalse(error.getMessage().contains("\n"), error.getMessage());
        assertTrue(error.getMessage().length() < 250, error.getMessage());
      } else if (expectation.startsWith(FAILED_TEXT)) {
        assertEquals(unescape(expectation.substring(FAILED_TEXT.length())),
            error.statementText());
      } else {
        throw new IllegalStateException("a failing case expects only ERROR and FAILED TEXT");
      }
    }
  }

  private static String unescape(String text) {
    return text.replace("\\n", "\n");
  }
}

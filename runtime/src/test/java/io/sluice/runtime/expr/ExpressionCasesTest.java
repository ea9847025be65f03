package io.sluice.runtime.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.plan.Column;
import io.sluice.plan.RowSchema;
import io.sluice.plan.expr.Expr;
import io.sluice.runtime.ExprText;
import io.sluice.runtime.UnsupportedPlanException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the expression cases in {@code src/test/resources/expressions/*.txt} through the compiler.
 * Each line is {@code <expression> => <expected>}, where the expected value is the result's literal
 * text (quoted if it has blanks), {@code null}, {@code error: <part of the message>} for a failure
 * on the row, or {@code unsupported: <part of the message>} for a refusal at compile time.
 * Expressions may read the columns of {@link #ROW_SCHEMA}, whose values are {@link #ROW}.
 */
class ExpressionCasesTest {

  static final RowSchema ROW_SCHEMA = new RowSchema(Stream.of(
      "I INTEGER", "L BIGINT", "D DOUBLE", "N DECIMAL(5,2)", "S STRING", "B BOOLEAN",
      "NI INTEGER", "NS STRING", "NB BOOLEAN", "DT DATE", "T TIME", "TS TIMESTAMP", "BY BYTES")
      .map(ExprText::column).toList());

  static final Object[] ROW = {
    7, 10_000_000_000L, 2.5, new BigDecimal("12.34"), "Hello", true, null, null, null,
    LocalDate.parse("2024-01-31"), LocalTime.parse("13:45:00.250"),
    Instant.parse("2024-01-31T13:45:00.250Z"), new byte[] {1, 2, 3}
  };

  @TestFactory
  List<DynamicTest> everyExpressionEvaluatesAsItsFileSays() throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getResource("/expressions").toURI());
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir).sorted()) {
      for (Path file : files.toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          String name = file.getFileName() + ":" + (i + 1) + "  " + line;
          tests.add(DynamicTest.dynamicTest(name, () -> check(line)));
        }
      }
    }
    return tests;
  }

  private static void check(String line) {
    int arrow = line.lastIndexOf("=>");
    if (arrow < 0) {
      throw new IllegalArgumentException("no => in: " + line);
    }
    String expected = line.substring(arrow + 2).strip();
    Expr expr = ExprText.parse(line.substring(0, arrow).strip(), ROW_SCHEMA);
    if (expected.startsWith("unsupported:")) {
      UnsupportedPlanException e = assertThrows(UnsupportedPlanException.class, () -> evaluate(expr));
      assertContains(e.getMessage(), expected.substring("unsupported:".length()).strip());
      return;
    }
    if (expected.startsWith("error:")) {
      RowProjector projector = projector(expr);
      EvaluationException e = assertThrows(EvaluationException.class, () -> projector.apply(ROW));
      assertContains(e.getMessage(), expected.substring("error:".length()).strip());
      return;
    }
    Object actual = evaluate(expr);
    if (expected.equals("null")) {
      assertEquals(null, actual);
      return;
    }
    String text = expected.startsWith("'") ? expected.substring(1, expected.length() - 1).replace("''", "'") : expected;
    Object want = LiteralValues.parse(text, expr.type());
    if (want instanceof byte[] bytes) {
      assertArrayEquals(bytes, (byte[]) actual);
    } else {
      assertEquals(want, actual);
    }
  }

  private static Object evaluate(Expr expr) {
    return projector(expr).apply(ROW)[0];
  }

  private static RowProjector projector(Expr expr) {
    return ExpressionCompiler.compileProjector(
        List.of(expr), ROW_SCHEMA, RowSchema.of(Column.value("X", expr.type())));
  }

  private static void assertContains(String actual, String part) {
    assertTrue(actual.contains(part), () -> "expected a message containing '" + part + "', got: " + actual);
  }
}

package io.sluice.server.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.parser.SluiceParser;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shapes of key lookups: the parser's and the text-only reading find the same literals in the
 * same order, and the text-only reading gives up on what it does not read simply.
 */
class ShapeTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM T WHERE K = 42;",
      "SELECT * FROM T WHERE K = 4200000000;",
      "SELECT * FROM T WHERE K IN (1, 2, 3) LIMIT 10;",
      "SELECT * FROM M WHERE A = 'it''s' AND B = 7;",
      "SELECT `K 1`, V FROM T WHERE K = 1 -- the key 2\n AND V > 3;",
      "SELECT * FROM T /* 5 */ WHERE K = 5;",
      "SELECT X1, 'a' AS C FROM T WHERE K = 0;",
      "SELECT * FROM T\nWHERE K =\n  12;"})
  void textAloneFindsTheLiteralsTheParserFinds(String sql) {
    QueryShape parsed = QueryShape.of(sql, SluiceParser.parse(sql).get(0).node());
    LexicalShape lexical = LexicalShape.of(sql);
    assertEquals(parsed.texts(), lexical.texts(), sql);
    assertEquals(parsed.kinds(), lexical.kinds(), sql);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', quoteCharacter = '"', value = {
      "SELECT * FROM T WHERE K = 42;#SELECT * FROM T WHERE K = ?; | I",
      "SELECT * FROM T WHERE K = 4200000000;#SELECT * FROM T WHERE K = ?; | L",
      "\"SELECT * FROM M WHERE A = 'x' AND B = 7;\"#SELECT * FROM M WHERE A = ? AND B = ?; | SI",
      "SELECT T1.K FROM T T1 WHERE K = 1;#SELECT T1.K FROM T T1 WHERE K = ?; | I"})
  void masksWholeNumbersAndStrings(String sql, String key) {
    assertEquals(key, LexicalShape.of(sql).key());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM T WHERE K = 1.5;",
      "SELECT * FROM T WHERE K = 1e3;",
      "SELECT * FROM T WHERE S = X'00';",
      "SELECT * FROM T WHERE K = 99999999999999999999;",
      "SELECT * FROM T WHERE S = 'open;"})
  void givesUpOnWhatItDoesNotReadSimply(String sql) {
    assertNull(LexicalShape.of(sql), sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT * FROM T WHERE K = 42;", "SELECT * FROM M WHERE A = 'x' AND B = 7 LIMIT 3;"})
  void parsedShapesMaskTheirLiterals(String sql) {
    QueryShape parsed = QueryShape.of(sql, SluiceParser.parse(sql).get(0).node());
    assertEquals(LexicalShape.of(sql).key(), parsed.key(), sql);
    assertEquals(List.copyOf(parsed.texts()), LexicalShape.of(sql).texts());
  }
}

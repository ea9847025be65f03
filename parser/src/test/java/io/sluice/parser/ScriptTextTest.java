package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.parser.ast.SqlShow;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

/** Statement texts and error positions that the data files cannot spell, and the config. */
class ScriptTextTest {

  @Test
  void windowsLineEndsCountAsOneLineBreak() {
    final String script = "SELECT a FROM s;\r\nSELECT b\r\nFROM t;\r\nSELECT c FRM u;";
    final SluiceParseException error =
        assertThrows(SluiceParseException.class, () -> SluiceParser.parse(script));
    assertEquals(4, error.line());
    assertEquals(14, error.column());
    assertEquals("SELECT c FRM u;", error.statementText());

    final List<ParsedStatement> statements =
        SluiceParser.parse("SELECT a FROM s;\r\nSELECT b\r\nFROM t;");
    assertEquals("SELECT b\r\nFROM t;", statements.get(1).text());
  }

  @Test
  void emptyInputHasNoStatements() {
    assertTrue(SluiceParser.parse("").isEmpty());
    assertTrue(SluiceParser.parse("  \n\t ").isEmpty());
  }

  @Test
  void parseErrorIsAnUncheckedExceptionWithTheFailedStatement() {
    final SluiceParseException error = assertThrows(SluiceParseException.class,
        () -> SluiceParser.parse("SHOW STREAMS; DROP STREAM; SHOW TABLES;"));
    assertInstanceOf(RuntimeException.class, error);
    assertEquals("DROP STREAM;", error.statementText());
    assertEquals(26, error.column());
  }

  @Test
  void calciteParserReadsSluiceStatementsWithTheSharedConfig() throws SqlParseException {
    final SqlNode show = SqlParser.create("show streams", SluiceParser.config()).parseStmt();
    assertInstanceOf(SqlShow.class, show);
    final SqlNode query = SqlParser.create("SELECT a FROM `Src` WHERE b != 1",
        SluiceParser.config()).parseQuery();
    assertEquals("SELECT A FROM `Src` WHERE B <> 1", SluiceParser.unparse(query));
    assertTrue(SluiceParser.config().caseSensitive());
  }
}

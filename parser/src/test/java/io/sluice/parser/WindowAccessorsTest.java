package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.parser.ast.SqlCreateAsSelect;
import io.sluice.parser.ast.SqlInsertSelect;
import io.sluice.parser.ast.SqlQueryStatement;
import io.sluice.parser.ast.SqlWindowSpec;
import io.sluice.parser.ast.SqlWindowedSelect;
import io.sluice.parser.ast.WindowKind;
import java.time.Duration;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;

/** What the planner reads from a windowed SELECT through SqlWindowedSelect and SqlWindowSpec. */
class WindowAccessorsTest {

  private static SqlNode parseOne(String sql) {
    return SluiceParser.parse(sql).get(0).node();
  }

  @Test
  void tumblingWindowOfCreateAsSelectExposesItsDurationsAndPosition() {
    final SqlCreateAsSelect create = assertInstanceOf(SqlCreateAsSelect.class, parseOne(
        "CREATE TABLE t AS SELECT k, COUNT(*) FROM s\n"
            + "  WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 0 SECONDS) GROUP BY k;"));
    final SqlWindowedSelect select = assertInstanceOf(SqlWindowedSelect.class, create.query());
    final SqlWindowSpec window = select.ksqlWindow();
    assertEquals(WindowKind.TUMBLING, window.kind());
    assertEquals(Duration.ofMinutes(1), window.size());
    assertNull(window.advance());
    assertNull(window.gap());
    assertNull(window.retention());
    assertNull(window.retentionPosition());
    assertEquals(Duration.ZERO, window.grace());
    assertEquals(2, window.position().getLineNum());
    assertEquals(3, window.position().getColumnNum());
    assertEquals(2, window.position().getEndLineNum());
    assertEquals(57, window.position().getEndColumnNum());
  }

  @Test
  void hoppingWindowOfInsertSelectExposesSizeAdvanceAndRetention() {
    final SqlInsertSelect insert = assertInstanceOf(SqlInsertSelect.class, parseOne(
        "INSERT INTO t SELECT k, COUNT(*) FROM s"
            + " WINDOW HOPPING (SIZE 1 HOUR, ADVANCE BY 10 MINUTES, RETENTION 2 DAYS) GROUP BY k"));
    final SqlWindowSpec window =
        assertInstanceOf(SqlWindowedSelect.class, insert.query()).ksqlWindow();
    assertEquals(WindowKind.HOPPING, window.kind());
    assertEquals(Duration.ofHours(1), window.size());
    assertEquals(Duration.ofMinutes(10), window.advance());
    assertEquals(Duration.ofDays(2), window.retention());
    assertEquals(1, window.retentionPosition().getLineNum());
    assertEquals(93, window.retentionPosition().getColumnNum());
    assertNull(window.grace());
  }

  @Test
  void sessionWindowExposesItsGapAndNoSize() {
    final SqlQueryStatement query = assertInstanceOf(SqlQueryStatement.class, parseOne(
        "SELECT k, COUNT(*) FROM s WINDOW SESSION (90 SECONDS) GROUP BY k EMIT CHANGES"));
    final SqlWindowSpec window =
        assertInstanceOf(SqlWindowedSelect.class, query.query()).ksqlWindow();
    assertEquals(WindowKind.SESSION, window.kind());
    assertEquals(Duration.ofSeconds(90), window.gap());
    assertNull(window.size());
    assertNull(window.advance());
  }

  @Test
  void selectWithoutWindowStaysCalcitesOwnSelect() {
    final SqlQueryStatement query = assertInstanceOf(SqlQueryStatement.class,
        parseOne("SELECT k FROM s WHERE k > 1 EMIT CHANGES"));
    assertEquals(SqlSelect.class, query.query().getClass());
  }

  @Test
  void windowedSelectClonesWithItsWindowAndDropsItForCalcite() {
    final SqlQueryStatement query = assertInstanceOf(SqlQueryStatement.class, parseOne(
        "SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 MINUTE) WHERE v > 0 GROUP BY k"));
    final SqlWindowedSelect select = assertInstanceOf(SqlWindowedSelect.class, query.query());

    final SqlNode copy = select.clone(select.getParserPosition());
    assertInstanceOf(SqlWindowedSelect.class, copy);
    assertTrue(select.equalsDeep(copy, Litmus.THROW));

    final SqlSelect plain = select.withoutKsqlWindow();
    assertEquals(SqlSelect.class, plain.getClass());
    assertEquals("SELECT K, COUNT(*) FROM S WHERE V > 0 GROUP BY K", SluiceParser.unparse(plain));
    assertFalse(select.equalsDeep(plain, Litmus.IGNORE));
  }

  @Test
  void windowsDifferingOnlyInGraceAreNotEqual() {
    final SqlNode withGrace = parseOne(
        "SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 1 SECOND) GROUP BY k");
    final SqlNode withoutGrace = parseOne(
        "SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY k");
    assertFalse(withGrace.equalsDeep(withoutGrace, Litmus.IGNORE));
  }
}

package io.sluice.server.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.remote.TypedValue;
import org.junit.jupiter.api.Test;

class ParameterBinderTest {

  @Test
  void markersInStringsIdentifiersAndCommentsAreNotParameters() {
    String sql = "SELECT '?', \"a?\", `b?` -- ?\n /* ? */ FROM T WHERE A = ? AND B = '' || ?";
    assertEquals(2, ParameterBinder.count(sql));
    assertEquals("SELECT '?', \"a?\", `b?` -- ?\n /* ? */ FROM T WHERE A = 1 AND B = '' || 'x'",
        ParameterBinder.bind(sql, List.of(TypedValue.ofLocal(ColumnMetaData.Rep.INTEGER, 1),
            TypedValue.ofLocal(ColumnMetaData.Rep.STRING, "x"))));
  }

  @Test
  void valuesBecomeTypedLiterals() {
    String bound = ParameterBinder.bind("?,?,?,?,?,?,?", List.of(
        TypedValue.ofLocal(ColumnMetaData.Rep.DOUBLE, 1.5),
        TypedValue.ofLocal(ColumnMetaData.Rep.NUMBER, new BigDecimal("1E+3")),
        TypedValue.ofLocal(ColumnMetaData.Rep.JAVA_SQL_DATE, 19000),
        TypedValue.ofLocal(ColumnMetaData.Rep.JAVA_SQL_TIMESTAMP, 1_700_000_000_123L),
        TypedValue.ofLocal(ColumnMetaData.Rep.JAVA_SQL_TIME, 3_723_004),
        TypedValue.ofLocal(ColumnMetaData.Rep.BOOLEAN, false),
        TypedValue.ofLocal(ColumnMetaData.Rep.STRING, null)));
    assertEquals("1.5E0,1000,DATE '2022-01-08',TIMESTAMP '2023-11-14 22:13:20.123',TIME '01:02:03.004',FALSE,NULL", bound);
  }

  @Test
  void aMissingParameterIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ParameterBinder.bind("A = ? AND B = ?", List.of()));
  }
}

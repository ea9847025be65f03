package io.sluice.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.parser.ast.ColumnConstraint;
import io.sluice.parser.ast.EmitMode;
import io.sluice.parser.ast.ShowKind;
import io.sluice.parser.ast.SqlColumnDeclaration;
import io.sluice.parser.ast.SqlCreateAsSelect;
import io.sluice.parser.ast.SqlCreateSource;
import io.sluice.parser.ast.SqlDescribeSource;
import io.sluice.parser.ast.SqlDropSource;
import io.sluice.parser.ast.SqlExplainStatement;
import io.sluice.parser.ast.SqlInsertSelect;
import io.sluice.parser.ast.SqlInsertValues;
import io.sluice.parser.ast.SqlPrint;
import io.sluice.parser.ast.SqlProperty;
import io.sluice.parser.ast.SqlQueryStatement;
import io.sluice.parser.ast.SqlShow;
import io.sluice.parser.ast.SqlTerminate;
import io.sluice.parser.ast.SqlTypeDeclaration;
import io.sluice.parser.ast.TypeKind;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

/** What the planner reads from each statement's AST through its accessors. */
class StatementAccessorsTest {

  private static <T extends SqlNode> T parseOne(String sql, Class<T> type) {
    final List<ParsedStatement> statements = SluiceParser.parse(sql);
    assertEquals(1, statements.size());
    return assertInstanceOf(type, statements.get(0).node());
  }

  @Test
  void createStreamExposesColumnsKeysAndUpperCasedProperties() {
    final SqlCreateSource create = parseOne(
        "CREATE STREAM s (id INT KEY, `Name` STRING) WITH (kafka_topic='Orders', partitions=3)",
        SqlCreateSource.class);
    assertFalse(create.table());
    assertFalse(create.orReplace());
    assertFalse(create.ifNotExists());
    assertEquals("S", create.name().getSimple());
    assertEquals(2, create.columns().size());
    final SqlColumnDeclaration id = create.columns().get(0);
    assertEquals("ID", id.name().getSimple());
    assertEquals(TypeKind.INTEGER, id.type().kind());
    assertEquals(ColumnConstraint.KEY, id.constraint());
    assertEquals("Name", create.columns().get(1).name().getSimple());
    assertEquals(ColumnConstraint.NONE, create.columns().get(1).constraint());
    assertEquals("Orders",
        create.properties().get("KAFKA_TOPIC").orElseThrow().getValueAs(String.class));
    assertEquals(3, create.properties().get("PARTITIONS").orElseThrow().intValue(true));
    assertTrue(create.properties().get("kafka_topic").isEmpty());
    assertEquals(List.of("KAFKA_TOPIC", "PARTITIONS"),
        create.properties().list().stream().map(SqlProperty::key).toList());
    final SqlProperty topic = create.properties().list().get(0);
    assertEquals(1, topic.position().getLineNum());
    assertEquals(51, topic.position().getColumnNum());
  }

  @Test
  void keyAndPrimaryKeyAreAcceptedOnStreamsAndTablesAlike() {
    final SqlCreateSource table =
        parseOne("CREATE OR REPLACE TABLE IF NOT EXISTS t (a INT KEY, b INT PRIMARY KEY)",
            SqlCreateSource.class);
    assertTrue(table.table());
    assertTrue(table.orReplace());
    assertTrue(table.ifNotExists());
    assertEquals(ColumnConstraint.KEY, table.columns().get(0).constraint());
    assertEquals(ColumnConstraint.PRIMARY_KEY, table.columns().get(1).constraint());
    assertTrue(table.properties().list().isEmpty());
  }

  @Test
  void sourceWithoutColumnListHasNoColumns() {
    final SqlCreateSource create =
        parseOne("CREATE TABLE t WITH (kafka_topic='t', format='AVRO')", SqlCreateSource.class);
    assertTrue(create.columns().isEmpty());
    assertEquals(2, create.properties().list().size());
  }

  @Test
  void typeDeclarationsDescribeNestedTypesWithPositions() {
    final SqlCreateSource create = parseOne(
        "CREATE STREAM s (d DECIMAL(10, 2), a ARRAY<BIGINT>, m MAP<STRING, DOUBLE>,"
            + " st STRUCT<x INT, `Y` ARRAY<BYTES>>)",
        SqlCreateSource.class);
    final SqlTypeDeclaration decimal = create.columns().get(0).type();
    assertEquals(TypeKind.DECIMAL, decimal.kind());
    assertEquals(10, decimal.precision());
    assertEquals(2, decimal.scale());
    assertEquals(20, decimal.getParserPosition().getColumnNum());
    final SqlTypeDeclaration array = create.columns().get(1).type();
    assertEquals(TypeKind.ARRAY, array.kind());
    assertEquals(List.of(TypeKind.BIGINT),
        array.elementTypes().stream().map(SqlTypeDeclaration::kind).toList());
    assertNull(array.precision());
    final SqlTypeDeclaration map = create.columns().get(2).type();
    assertEquals(List.of(TypeKind.STRING, TypeKind.DOUBLE),
        map.elementTypes().stream().map(SqlTypeDeclaration::kind).toList());
    final SqlTypeDeclaration struct = create.columns().get(3).type();
    assertEquals(TypeKind.STRUCT, struct.kind());
    assertEquals(List.of("X", "Y"),
        struct.fields().stream().map(f -> f.name().getSimple()).toList());
    assertEquals(TypeKind.BYTES, struct.fields().get(1).type().elementTypes().get(0).kind());
  }

  @Test
  void createAsSelectExposesQueryPartitioningAndEmitMode() {
    final SqlCreateAsSelect create = parseOne(
        "CREATE TABLE t WITH (kafka_topic='t') AS SELECT a, COUNT(*) FROM s GROUP BY a"
            + " PARTITION BY a EMIT CHANGES",
        SqlCreateAsSelect.class);
    assertTrue(create.table());
    assertEquals("T", create.name().getSimple());
    assertTrue(create.properties().get("KAFKA_TOPIC").isPresent());
    assertInstanceOf(SqlSelect.class, create.query());
    assertEquals(1, create.partitionBy().size());
    assertEquals(EmitMode.CHANGES, create.emit());

    final SqlCreateAsSelect plain =
        parseOne("CREATE STREAM s2 AS SELECT * FROM s LIMIT 3", SqlCreateAsSelect.class);
    assertNull(plain.partitionBy());
    assertEquals(EmitMode.NONE, plain.emit());
    assertInstanceOf(SqlOrderBy.class, plain.query());
    assertTrue(plain.properties().list().isEmpty());
  }

  @Test
  void insertSelectAndInsertValuesAreTwoStatements() {
    final SqlInsertSelect select = parseOne(
        "INSERT INTO s WITH (query_id='Q') SELECT * FROM t EMIT CHANGES", SqlInsertSelect.class);
    assertEquals("S", select.name().getSimple());
    assertEquals("Q", select.properties().get("QUERY_ID").orElseThrow().getValueAs(String.class));
    assertInstanceOf(SqlSelect.class, select.query());
    assertNull(select.partitionBy());
    assertEquals(EmitMode.CHANGES, select.emit());

    final SqlInsertValues values = parseOne(
        "INSERT INTO s VALUES (-1, CAST('2' AS BIGINT)), (3, 'x')", SqlInsertValues.class);
    assertNull(values.columns());
    assertEquals(2, values.rows().size());
    final SqlNode negative = values.rows().get(0).get(0);
    assertEquals(-1, ((SqlLiteral) negative).intValue(true));
    assertEquals(SqlKind.CAST, ((SqlBasicCall) values.rows().get(0).get(1)).getKind());

    final SqlInsertValues listed =
        parseOne("INSERT INTO s (a, `B`) VALUES (1, 2)", SqlInsertValues.class);
    assertEquals(List.of("A", "B"),
        listed.columns().stream().map(SqlNode::toString).toList());
  }

  @Test
  void administrationStatementsExposeTheirOptions() {
    final SqlDropSource drop =
        parseOne("DROP TABLE IF EXISTS t DELETE TOPIC", SqlDropSource.class);
    assertTrue(drop.table());
    assertTrue(drop.ifExists());
    assertTrue(drop.deleteTopic());
    assertEquals("T", drop.name().getSimple());

    final SqlTerminate terminate = parseOne("TERMINATE CSAS_S2_3", SqlTerminate.class);
    assertEquals("CSAS_S2_3", terminate.queryId().getSimple());
    assertFalse(terminate.all());
    final SqlTerminate all = parseOne("TERMINATE ALL", SqlTerminate.class);
    assertNull(all.queryId());
    assertTrue(all.all());

    final SqlShow show = parseOne("LIST TOPICS EXTENDED", SqlShow.class);
    assertEquals(ShowKind.TOPICS, show.kind());
    assertTrue(show.extended());

    final SqlDescribeSource describe = parseOne("DESCRIBE EXTENDED s", SqlDescribeSource.class);
    assertTrue(describe.extended());
    assertEquals("S", describe.name().getSimple());

    final SqlExplainStatement byId = parseOne("EXPLAIN INSERTQUERY_5", SqlExplainStatement.class);
    assertEquals("INSERTQUERY_5", byId.queryId().getSimple());
    assertNull(byId.statement());
    final SqlExplainStatement query =
        parseOne("EXPLAIN SELECT * FROM s EMIT CHANGES", SqlExplainStatement.class);
    assertNull(query.queryId());
    assertInstanceOf(SqlQueryStatement.class, query.statement());
  }

  @Test
  void printKeepsTheTopicNameAsTyped() {
    final SqlPrint bare = parseOne("PRINT pageViews", SqlPrint.class);
    assertEquals("pageViews", bare.topic());
    assertFalse(bare.fromBeginning());
    assertNull(bare.last());
    assertNull(bare.interval());
    assertNull(bare.limit());
    assertEquals("My-Topic", parseOne("PRINT `My-Topic`", SqlPrint.class).topic());
    final SqlPrint quoted =
        parseOne("PRINT 'page.views' FROM BEGINNING INTERVAL 5 LIMIT 20", SqlPrint.class);
    assertEquals("page.views", quoted.topic());
    assertTrue(quoted.fromBeginning());
    assertEquals(5, quoted.interval());
    assertEquals(20, quoted.limit());
    assertEquals(7, parseOne("PRINT orders LAST 7", SqlPrint.class).last());
  }

  @Test
  void topLevelQueriesCarryTheirEmitModeAndLimit() {
    final SqlQueryStatement pull = parseOne("SELECT * FROM t WHERE k = 1", SqlQueryStatement.class);
    assertEquals(EmitMode.NONE, pull.emit());
    assertInstanceOf(SqlSelect.class, pull.query());

    final SqlQueryStatement push =
        parseOne("SELECT * FROM s EMIT CHANGES LIMIT 5", SqlQueryStatement.class);
    assertEquals(EmitMode.CHANGES, push.emit());
    final SqlOrderBy limited = assertInstanceOf(SqlOrderBy.class, push.query());
    assertEquals(5, ((SqlLiteral) limited.fetch).intValue(true));
    assertInstanceOf(SqlSelect.class, limited.query);
  }

  @Test
  void unquotedNamesAreUpperCasedAndBackQuotedNamesKeepTheirCase() {
    final SqlQueryStatement query =
        parseOne("SELECT foo, `Foo`, `BAR` FROM `Mixed`", SqlQueryStatement.class);
    final SqlSelect select = (SqlSelect) query.query();
    assertEquals(List.of("FOO", "Foo", "BAR"),
        select.getSelectList().stream().map(SqlNode::toString).toList());
    assertEquals("Mixed", select.getFrom().toString());
  }
}

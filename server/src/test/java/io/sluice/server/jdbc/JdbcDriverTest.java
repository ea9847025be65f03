package io.sluice.server.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
import io.sluice.plan.StructValue;
import io.sluice.server.results.SelectStatements;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC driver against a real server on the shared broker: metadata, DDL, errors, and SELECTs
 * through a {@link FixedSelectRunner} (the real pull and push runners are tested end to end once merged).
 */
class JdbcDriverTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final RowSchema ALL_TYPES = RowSchema.of(
      Column.key("ID", DataType.BIGINT),
      Column.value("N", DataType.INTEGER),
      Column.value("NAME", DataType.STRING),
      Column.value("RATIO", DataType.DOUBLE),
      Column.value("PRICE", DataType.decimal(10, 2)),
      Column.value("OK", DataType.BOOLEAN),
      Column.value("DAY", DataType.DATE),
      Column.value("AT", DataType.TIME),
      Column.value("TS", DataType.TIMESTAMP),
      Column.value("RAW", DataType.BYTES),
      Column.value("TAGS", DataType.array(DataType.STRING)));

  private static JdbcServer server;

  @BeforeAll
  static void start() {
    server = new JdbcServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(""));
  }

  private static String uniqueSource(String prefix) {
    return SharedKafka.uniqueName(prefix).replace('-', '_').toUpperCase();
  }

  @Test
  void driverManagerConnectsAndTheServerSaysSluice() throws SQLException {
    try (Connection connection = connect()) {
      DatabaseMetaData metaData = connection.getMetaData();
      assertEquals("Sluice", metaData.getDatabaseProductName());
      assertEquals("Sluice JDBC Driver", metaData.getDriverName());
      assertEquals(server.jdbcUrl(""), metaData.getURL());
    }
  }

  @Test
  void metadataListsStreamsTablesAndViewsWithTheirColumnTypes() throws SQLException {
    String stream = uniqueSource("orders");
    String table = uniqueSource("users");
    String view = uniqueSource("big_orders");
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE STREAM " + stream + " (id BIGINT KEY, qty INT, price DECIMAL(8, 3), note STRING, "
          + "ok BOOLEAN, dt DATE, tm TIME, ts TIMESTAMP, raw BYTES, ratio DOUBLE) "
          + "WITH (KAFKA_TOPIC='" + stream.toLowerCase() + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
      statement.execute("CREATE TABLE " + table + " (uid STRING PRIMARY KEY, name STRING) "
          + "WITH (KAFKA_TOPIC='" + table.toLowerCase() + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
      statement.execute("CREATE VIEW " + view + " AS SELECT id, qty FROM " + stream + " WHERE qty > 10;");
      DatabaseMetaData metaData = connection.getMetaData();

      Map<String, String> types = new java.util.HashMap<>();
      try (ResultSet tables = metaData.getTables(null, null, "%", null)) {
        while (tables.next()) {
          types.put(tables.getString("TABLE_NAME"), tables.getString("TABLE_TYPE"));
        }
      }
      assertEquals("STREAM", types.get(stream));
      assertEquals("TABLE", types.get(table));
      assertEquals("VIEW", types.get(view));
      try (ResultSet viewColumns = metaData.getColumns(null, null, view, "%")) {
        List<String> names = new ArrayList<>();
        while (viewColumns.next()) {
          names.add(viewColumns.getString("COLUMN_NAME"));
        }
        assertEquals(List.of("ID", "QTY"), names);
      }
      try (ResultSet onlyTables = metaData.getTables(null, null, stream, new String[] {"TABLE"})) {
        assertFalse(onlyTables.next(), "a stream is not of type TABLE");
      }
      List<String> tableTypes = new ArrayList<>();
      try (ResultSet rs = metaData.getTableTypes()) {
        while (rs.next()) {
          tableTypes.add(rs.getString(1));
        }
      }
      assertEquals(List.of("STREAM", "TABLE", "VIEW"), tableTypes);

      List<String> columns = new ArrayList<>();
      try (ResultSet rs = metaData.getColumns(null, null, stream, "%")) {
        while (rs.next()) {
          columns.add(rs.getInt("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE")
              + " " + rs.getString("TYPE_NAME")
              + (rs.getInt("DATA_TYPE") == Types.DECIMAL ? "(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + ")" : ""));
        }
      }
      assertEquals(List.of(
          "1 ID " + Types.BIGINT + " BIGINT",
          "2 QTY " + Types.INTEGER + " INTEGER",
          "3 PRICE " + Types.DECIMAL + " DECIMAL(8,3)",
          "4 NOTE " + Types.VARCHAR + " VARCHAR",
          "5 OK " + Types.BOOLEAN + " BOOLEAN",
          "6 DT " + Types.DATE + " DATE",
          "7 TM " + Types.TIME + " TIME",
          "8 TS " + Types.TIMESTAMP + " TIMESTAMP",
          "9 RAW " + Types.VARBINARY + " VARBINARY",
          "10 RATIO " + Types.DOUBLE + " DOUBLE"), columns);

      Map<String, Integer> typeInfo = new java.util.LinkedHashMap<>();
      try (ResultSet rs = metaData.getTypeInfo()) {
        while (rs.next()) {
          typeInfo.put(rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE"));
        }
      }
      assertEquals(Map.of("BOOLEAN", Types.BOOLEAN, "INTEGER", Types.INTEGER, "BIGINT", Types.BIGINT,
          "DOUBLE", Types.DOUBLE, "DECIMAL", Types.DECIMAL, "VARCHAR", Types.VARCHAR, "VARBINARY", Types.VARBINARY,
          "DATE", Types.DATE, "TIME", Types.TIME, "TIMESTAMP", Types.TIMESTAMP), typeInfo);

      try (ResultSet schemas = metaData.getSchemas(); ResultSet catalogs = metaData.getCatalogs()) {
        assertFalse(schemas.next(), "sources have no schema");
        assertFalse(catalogs.next(), "sources have no catalog");
      }
    }
  }

  @Test
  void ddlThroughExecuteCreatesAStreamThatShowStreamsLists() throws SQLException {
    String stream = uniqueSource("clicks");
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      boolean hasResultSet = statement.execute("CREATE STREAM " + stream + " (id BIGINT KEY, url STRING) "
          + "WITH (KAFKA_TOPIC='" + stream.toLowerCase() + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
      assertFalse(hasResultSet);
      assertEquals(0, statement.getUpdateCount());
      assertEquals(1, statement.executeUpdate("INSERT INTO " + stream + " (id, url) VALUES (1, '/a');"));
      statement.addBatch("INSERT INTO " + stream + " (id, url) VALUES (2, '/b');");
      statement.addBatch("INSERT INTO " + stream + " (id, url) VALUES (3, '/c');");
      assertArrayEquals(new int[] {1, 1}, statement.executeBatch());
    }
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet streams = statement.executeQuery("SHOW STREAMS;")) {
      assertEquals("name", streams.getMetaData().getColumnLabel(2));
      List<String> rows = new ArrayList<>();
      while (streams.next()) {
        rows.add(streams.getString("type") + " " + streams.getString("name") + " " + streams.getString("topic"));
      }
      assertTrue(rows.contains("STREAM " + stream + " " + stream.toLowerCase()), rows.toString());
      try (ResultSet described = statement.executeQuery("DESCRIBE " + stream + ";")) {
        assertTrue(described.next());
        assertEquals(stream, described.getString("name"));
        assertTrue(described.getString("fields").contains("\"URL\""), described.getString("fields"));
      }
    }
    Http.Response shown = Http.postJson(server.restUrl() + "/ksql", Map.of("ksql", "SHOW STREAMS;"));
    assertEquals(200, shown.status(), shown.body());
    assertTrue(shown.body().contains("\"name\":\"" + stream + "\""), shown.body());
  }

  @Test
  void aBadStatementIsAnSqlExceptionWithTheServersMessageLineAndColumn() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      SQLException syntax = assertThrows(SQLException.class, () -> statement.execute("SHOW STREAMS;\nCREATE STREM x;"));
      assertTrue(syntax.getMessage().contains("line 2, column 8"), syntax.getMessage());
      assertEquals("42000", syntax.getSQLState());
      assertEquals(40001, syntax.getErrorCode());

      SQLException unknown = assertThrows(SQLException.class,
          () -> statement.execute("DROP STREAM NO_SUCH_STREAM_ANYWHERE;"));
      assertTrue(unknown.getMessage().contains("NO_SUCH_STREAM_ANYWHERE"), unknown.getMessage());
      assertTrue(unknown.getMessage().contains("line 1, column 1"), unknown.getMessage());
      // The connection is still usable after an error.
      assertTrue(statement.execute("SHOW STREAMS;"), "SHOW answers with a result set");
    }
  }

  @Test
  void aSelectGivesTypedRows() throws SQLException {
    Instant ts = Instant.parse("2024-05-06T07:08:09.123Z");
    server.selects.pull(ALL_TYPES, List.of(
        new Object[] {42L, 7, "seven", 0.5, new BigDecimal("12.34"), true, LocalDate.of(2024, 5, 6),
            LocalTime.of(7, 8, 9, 123_000_000), ts, new byte[] {1, 2, 3}, List.of("a", "b")},
        new Object[] {43L, null, null, null, null, null, null, null, null, null, null}));
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM ANYTHING WHERE ID >= 42;")) {
      ResultSetMetaData columns = rs.getMetaData();
      assertEquals(11, columns.getColumnCount());
      assertEquals("PRICE", columns.getColumnLabel(5));
      assertEquals(Types.DECIMAL, columns.getColumnType(5));
      assertEquals(2, columns.getScale(5));
      assertEquals(Types.TIMESTAMP, columns.getColumnType(9));

      assertTrue(rs.next());
      assertEquals(42L, rs.getLong("ID"));
      assertEquals(7, rs.getInt("N"));
      assertEquals("seven", rs.getString("NAME"));
      assertEquals(0.5, rs.getDouble("RATIO"));
      assertEquals(new BigDecimal("12.34"), rs.getBigDecimal("PRICE"));
      assertTrue(rs.getBoolean("OK"));
      assertEquals(LocalDate.of(2024, 5, 6), rs.getDate("DAY").toLocalDate());
      assertEquals(LocalTime.of(7, 8, 9), rs.getTime("AT").toLocalTime());
      assertEquals(LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_000_000), rs.getTimestamp("TS").toLocalDateTime());
      assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes("RAW"));
      assertArrayEquals(new Object[] {"a", "b"}, (Object[]) rs.getArray("TAGS").getArray());

      assertTrue(rs.next());
      assertEquals(43L, rs.getLong(1));
      assertEquals(0, rs.getInt("N"));
      assertTrue(rs.wasNull());
      assertNull(rs.getString("NAME"));
      assertNull(rs.getBigDecimal("PRICE"));
      assertNull(rs.getTimestamp("TS"));
      assertFalse(rs.next());
    }
    assertEquals("SELECT * FROM ANYTHING WHERE ID >= 42;", last(server.selects.statements));
  }

  @Test
  void aStructColumnReadsAsTheTextOfItsJsonObject() throws SQLException {
    DataType person = DataType.struct(List.of(new DataType.Field("NAME", DataType.STRING),
        new DataType.Field("at", DataType.TIMESTAMP)));
    server.selects.pull(RowSchema.of(Column.key("ID", DataType.BIGINT), Column.value("P", person)), List.of(
        new Object[] {1L, StructValue.of("ann", Instant.parse("2024-05-06T07:08:09.123Z"))},
        new Object[] {2L, null}));
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM PEOPLE WHERE ID >= 1;")) {
      assertEquals(Types.VARCHAR, rs.getMetaData().getColumnType(2));
      assertEquals("STRUCT<`NAME` STRING, `at` TIMESTAMP>", rs.getMetaData().getColumnTypeName(2));
      assertTrue(rs.next());
      assertEquals("{\"NAME\":\"ann\",\"at\":\"2024-05-06T07:08:09.123\"}", rs.getString("P"));
      assertTrue(rs.next());
      assertNull(rs.getString("P"));
      assertFalse(rs.next());
    }
  }

  @Test
  void maxRowsStopsTheQueryAfterThatManyRows() throws SQLException {
    server.selects.push(RowSchema.of(Column.key("ID", DataType.BIGINT)));
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.setMaxRows(2);
      try (ResultSet rs = statement.executeQuery("SELECT * FROM S EMIT CHANGES;")) {
        FixedSelectRunner.Results results = last(server.selects.started);
        for (long id = 1; id <= 3; id++) {
          results.offer(new Object[] {id});
        }
        assertTrue(rs.next());
        assertTrue(rs.next());
        assertFalse(rs.next());
        assertTrue(results.isClosed());
      }
    }
  }

  @Test
  void jsonSerializationGivesTheSameRows() throws SQLException {
    server.selects.pull(RowSchema.of(Column.key("ID", DataType.BIGINT), Column.value("NAME", DataType.STRING),
        Column.value("DAY", DataType.DATE)), List.<Object[]>of(new Object[] {1L, "one", LocalDate.of(2020, 1, 2)}));
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("?serialization=json"));
        ResultSet rs = connection.createStatement().executeQuery("SELECT * FROM T;")) {
      assertTrue(rs.next());
      assertEquals(1L, rs.getLong(1));
      assertEquals("one", rs.getString(2));
      assertEquals(LocalDate.of(2020, 1, 2), rs.getDate(3).toLocalDate());
      assertFalse(rs.next());
    }
  }

  @Test
  void aStockAvaticaClientWorksTooInProtobuf() throws SQLException {
    server.selects.pull(RowSchema.of(Column.key("ID", DataType.BIGINT)), List.<Object[]>of(new Object[] {9L}));
    String url = "jdbc:avatica:remote:url=" + server.restUrl() + "/jdbc;serialization=protobuf";
    try (Connection connection = DriverManager.getConnection(url);
        ResultSet rs = connection.createStatement().executeQuery("SELECT * FROM T;")) {
      assertTrue(rs.next());
      assertEquals(9L, rs.getLong(1));
    }
  }

  @Test
  void preparedStatementParametersReachTheRunnerAsTypedLiterals() throws SQLException {
    server.selects.pull(RowSchema.of(Column.key("ID", DataType.BIGINT)), List.<Object[]>of(new Object[] {5L}));
    try (Connection connection = connect();
        PreparedStatement prepared = connection.prepareStatement(
            "SELECT * FROM T WHERE ID = ? AND NAME = ? AND PRICE < ? AND OK = ? AND NOTE <> '?' AND N = ?;")) {
      assertEquals(5, prepared.getParameterMetaData().getParameterCount());
      prepared.setLong(1, 5L);
      prepared.setString(2, "it's");
      prepared.setBigDecimal(3, new BigDecimal("9.50"));
      prepared.setBoolean(4, true);
      prepared.setNull(5, Types.INTEGER);
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(5L, rs.getLong("ID"));
        assertFalse(rs.next());
      }
      assertEquals("SELECT * FROM T WHERE ID = 5 AND NAME = 'it''s' AND PRICE < 9.50 AND OK = TRUE AND NOTE <> '?' "
          + "AND N = NULL;", last(server.selects.statements));

      prepared.setLong(1, 6L);
      try (ResultSet rs = prepared.executeQuery()) {
        assertTrue(rs.next());
      }
      assertTrue(last(server.selects.statements).startsWith("SELECT * FROM T WHERE ID = 6 AND"), last(server.selects.statements));
    }
  }

  @Test
  void pushResultSetBlocksForEachRowAndEndsWhenTheStatementIsCancelled() throws Exception {
    server.selects.push(RowSchema.of(Column.key("ID", DataType.BIGINT), Column.value("N", DataType.BIGINT)));
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      ResultSet rs = statement.executeQuery("SELECT ID, COUNT(*) AS N FROM S GROUP BY ID EMIT CHANGES;");
      FixedSelectRunner.Results results = last(server.selects.started);

      CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> nextLong(rs));
      assertThrows(java.util.concurrent.TimeoutException.class, () -> first.get(1500, TimeUnit.MILLISECONDS),
          "next() waits while no row has come");
      results.offer(new Object[] {1L, 10L});
      assertEquals(10L, first.get(10, TimeUnit.SECONDS));
      results.offer(new Object[] {1L, 11L});
      assertEquals(11L, nextLong(rs));

      CompletableFuture<Long> blocked = CompletableFuture.supplyAsync(() -> nextLong(rs));
      statement.cancel();
      Poll.until(WAIT, results::isClosed, "the push query is closed on the server");
      assertTrue(endedOrFailed(blocked), "the blocked next() returns once cancelled");
    }
  }

  @Test
  void pushResultSetEndsWhenTheStatementIsClosed() throws Exception {
    server.selects.push(RowSchema.of(Column.key("ID", DataType.BIGINT), Column.value("N", DataType.BIGINT)));
    try (Connection connection = connect()) {
      Statement statement = connection.createStatement();
      ResultSet rs = statement.executeQuery("SELECT * FROM S EMIT CHANGES;");
      FixedSelectRunner.Results results = last(server.selects.started);
      results.offer(new Object[] {2L, 20L});
      assertEquals(20L, nextLong(rs));
      CompletableFuture<Long> blocked = CompletableFuture.supplyAsync(() -> nextLong(rs));
      statement.close();
      Poll.until(WAIT, results::isClosed, "the push query is closed on the server");
      assertTrue(endedOrFailed(blocked), "the blocked next() returns once closed");
    }
  }

  @Test
  void closingAPushResultSetStopsItsQueryAndThePreparedStatementRunsAgain() throws Exception {
    server.selects.push(RowSchema.of(Column.key("ID", DataType.BIGINT)));
    try (Connection connection = connect();
        PreparedStatement prepared = connection.prepareStatement("SELECT * FROM S WHERE ID > ? EMIT CHANGES;")) {
      prepared.setLong(1, 0L);
      try (ResultSet rs = prepared.executeQuery()) {
        last(server.selects.started).offer(new Object[] {1L});
        assertTrue(rs.next());
      }
      FixedSelectRunner.Results first = last(server.selects.started);
      assertTrue(first.isClosed(), "closing the result set stops the push query on the server");
      prepared.setLong(1, 5L);
      try (ResultSet rs = prepared.executeQuery()) {
        last(server.selects.started).offer(new Object[] {6L});
        assertTrue(rs.next());
        assertEquals(6L, rs.getLong(1));
      }
      assertEquals("SELECT * FROM S WHERE ID > 5 EMIT CHANGES;", last(server.selects.statements));
    }
  }

  @Test
  void aSelectTheRunnerRefusesIsAnSqlException() throws SQLException {
    server.selects.refuse(SelectStatements.refused("Incorrect syntax near FROM", "SELECT FROM;", 1, 8));
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      SQLException refused = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT FROM;"));
      assertTrue(refused.getMessage().contains("Incorrect syntax near FROM"), refused.getMessage());
      assertTrue(refused.getMessage().contains("line 1"), refused.getMessage());
    } finally {
      server.selects.refuse(null);
    }
  }

  /** True once {@code next} has returned false or thrown, within the wait. */
  private static boolean endedOrFailed(CompletableFuture<Long> next) {
    try {
      return next.get(WAIT.toSeconds(), TimeUnit.SECONDS) == null;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** The next row's N (or ID for one column), or null at the end. */
  private static Long nextLong(ResultSet rs) {
    try {
      return rs.next() ? rs.getLong(rs.getMetaData().getColumnCount()) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }
}

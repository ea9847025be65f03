package io.sluice.server.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
import io.sluice.plan.StructValue;
import io.sluice.server.rest.Json;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writers of query results: ksqlDB's value encodings and the layouts of /query, /query-stream and /ws/query. */
class ResultFormatsTest {

  private static final RowSchema ALL_TYPES = new RowSchema(List.of(
      Column.key("K", DataType.BIGINT),
      Column.value("B", DataType.BOOLEAN),
      Column.value("I", DataType.INTEGER),
      Column.value("D", DataType.DOUBLE),
      Column.value("DEC", DataType.decimal(10, 2)),
      Column.value("S", DataType.STRING),
      Column.value("BY", DataType.BYTES),
      Column.value("DA", DataType.DATE),
      Column.value("T", DataType.TIME),
      Column.value("TS", DataType.TIMESTAMP),
      Column.value("A", DataType.array(DataType.BIGINT)),
      Column.value("M", DataType.map(DataType.INTEGER))));

  private static Object[] allTypesRow() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("x", 1);
    map.put("y", null);
    return new Object[] {
        42L, true, 7, 1.5, new BigDecimal("1000.50"), "hi", new byte[] {1, 2, 3},
        LocalDate.of(2024, 1, 31), LocalTime.of(13, 45, 0, 250_000_000),
        Instant.parse("2024-01-31T13:45:00.250Z"), List.of(1L, 2L), map};
  }

  /** Finite results from a list, as a pull query's would be; deletions by index. */
  private static final class ListResults implements QueryResults {
    private final RowSchema schema;
    private final Deque<Object[]> rows;
    private final List<Object[]> deletions;
    private final String finalMessage;

    ListResults(RowSchema schema, List<Object[]> rows, List<Object[]> deletions, String finalMessage) {
      this.schema = schema;
      this.rows = new ArrayDeque<>(rows);
      this.deletions = deletions;
      this.finalMessage = finalMessage;
    }

    @Override public String queryId() { return "transient_T_1"; }
    @Override public RowSchema schema() { return schema; }
    @Override public Object[] poll(Duration timeout) { return rows.poll(); }
    @Override public boolean ended() { return rows.isEmpty(); }
    @Override public String failure() { return null; }
    @Override public boolean isDeletion(Object[] row) { return deletions.contains(row); }
    @Override public String finalMessage() { return finalMessage; }
    @Override public void close() {}
  }

  private static String write(QueryResults results, ResultFormat format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultStreamer.stream(results, format, out, () -> true);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void valuesAreWrittenInKsqlDbJson() throws Exception {
    String body = write(new ListResults(ALL_TYPES, List.<Object[]>of(allTypesRow()), List.of(), null),
        new QueryStreamFormat(false));
    String row = body.lines().toList().get(1);
    assertEquals("[42,true,7,1.5,1000.50,\"hi\",\"AQID\",\"2024-01-31\",\"13:45:00.250\","
        + "\"2024-01-31T13:45:00.250\",[1,2],{\"x\":1,\"y\":null}]", row);
  }

  @Test
  void queryStreamHeaderNamesColumnsAndTheirKsqlDbTypes() throws Exception {
    String body = write(new ListResults(ALL_TYPES, List.of(), List.of(), null), new QueryStreamFormat(false));
    assertEquals("{\"queryId\":\"transient_T_1\",\"columnNames\":[\"K\",\"B\",\"I\",\"D\",\"DEC\",\"S\",\"BY\",\"DA\","
        + "\"T\",\"TS\",\"A\",\"M\"],\"columnTypes\":[\"BIGINT\",\"BOOLEAN\",\"INTEGER\",\"DOUBLE\",\"DECIMAL(10, 2)\","
        + "\"STRING\",\"BYTES\",\"DATE\",\"TIME\",\"TIMESTAMP\",\"ARRAY<BIGINT>\",\"MAP<STRING, INTEGER>\"]}\n", body);
  }

  @Test
  void queryResponseIsOneJsonArrayWithHeaderRowsTombstonesAndFinalMessage() throws Exception {
    RowSchema schema = new RowSchema(List.of(Column.key("ID", DataType.STRING), Column.value("CNT", DataType.BIGINT)));
    Object[] update = {"a", 2L};
    Object[] deletion = {"b", null};
    String body = write(new ListResults(schema, List.of(update, deletion), List.<Object[]>of(deletion), "Limit Reached"),
        new QueryFormat());
    assertEquals("[{\"header\":{\"queryId\":\"transient_T_1\",\"schema\":\"`ID` STRING KEY, `CNT` BIGINT\"}}\n"
        + ",{\"row\":{\"columns\":[\"a\",2]}}\n"
        + ",{\"row\":{\"columns\":[\"b\",null],\"tombstone\":true}}\n"
        + ",{\"finalMessage\":\"Limit Reached\"}\n"
        + "]\n", body);
    assertEquals(4, Json.mapper().readTree(body).size());
  }

  @Test
  void queryStreamAsJsonIsOneArray() throws Exception {
    RowSchema schema = new RowSchema(List.of(Column.value("N", DataType.INTEGER)));
    String body = write(new ListResults(schema, List.<Object[]>of(new Object[] {1}, new Object[] {2}), List.of(), null),
        new QueryStreamFormat(true));
    assertEquals("[{\"queryId\":\"transient_T_1\",\"columnNames\":[\"N\"],\"columnTypes\":[\"INTEGER\"]}\n,[1]\n,[2]\n]\n",
        body);
    assertEquals(3, Json.mapper().readTree(body).size());
  }

  @Test
  void webSocketSchemaFrameGivesTypesWithMembersAndDecimalParameters() throws Exception {
    RowSchema schema = new RowSchema(List.of(
        Column.value("A", DataType.array(DataType.STRING)), Column.value("P", DataType.decimal(4, 1))));
    ListResults results = new ListResults(schema, List.of(), List.of(), null);
    assertEquals("[{\"name\":\"A\",\"schema\":{\"type\":\"ARRAY\",\"fields\":null,\"memberSchema\":"
        + "{\"type\":\"STRING\",\"fields\":null,\"memberSchema\":null}}},"
        + "{\"name\":\"P\",\"schema\":{\"type\":\"DECIMAL\",\"fields\":null,\"memberSchema\":null,"
        + "\"parameters\":{\"precision\":4,\"scale\":1}}}]", WebSocketFormat.schemaFrame(results));
    assertEquals("{\"row\":{\"columns\":[[\"x\"],12.5]}}",
        WebSocketFormat.rowFrame(results, new Object[] {List.of("x"), new BigDecimal("12.5")}));
  }

  @Test
  void structsAreWrittenAsObjectsAndTypedWithBackQuotedFieldNames() throws Exception {
    DataType point = DataType.struct(List.of(new DataType.Field("X", DataType.INTEGER),
        new DataType.Field("at", DataType.TIMESTAMP)));
    RowSchema schema = new RowSchema(List.of(Column.value("P", point), Column.value("L", DataType.array(point))));
    Object[] row = {StructValue.of(1, Instant.parse("2024-01-31T13:45:00.250Z")), Arrays.asList(StructValue.of(null, null), null)};
    String body = write(new ListResults(schema, List.<Object[]>of(row), List.of(), null), new QueryStreamFormat(false));
    assertEquals("{\"queryId\":\"transient_T_1\",\"columnNames\":[\"P\",\"L\"],\"columnTypes\":"
        + "[\"STRUCT<`X` INTEGER, `at` TIMESTAMP>\",\"ARRAY<STRUCT<`X` INTEGER, `at` TIMESTAMP>>\"]}", body.lines().toList().get(0));
    assertEquals("[{\"X\":1,\"at\":\"2024-01-31T13:45:00.250\"},[{\"X\":null,\"at\":null},null]]", body.lines().toList().get(1));
    assertEquals("[{\"name\":\"P\",\"schema\":{\"type\":\"STRUCT\",\"fields\":["
        + "{\"name\":\"X\",\"schema\":{\"type\":\"INTEGER\",\"fields\":null,\"memberSchema\":null}},"
        + "{\"name\":\"at\",\"schema\":{\"type\":\"TIMESTAMP\",\"fields\":null,\"memberSchema\":null}}],"
        + "\"memberSchema\":null}}]",
        WebSocketFormat.schemaFrame(new ListResults(new RowSchema(List.of(Column.value("P", point))), List.of(), List.of(), null)));
  }
}

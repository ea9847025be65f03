package io.sluice.server.pull;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
import io.sluice.server.rest.Json;
import io.sluice.server.results.ResultJson;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows a node forwards over {@code /query} come back as the same typed values, for every column type. */
class ForwardedRowsTest {

  @Test
  void everyColumnTypeSurvivesTheTripThroughQueryJson() throws IOException {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", null);
    RowSchema schema = RowSchema.of(
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
        Column.value("A", DataType.array(DataType.STRING)),
        Column.value("M", DataType.map(DataType.INTEGER)),
        Column.value("N", DataType.STRING));
    Object[] row = {
        Long.MAX_VALUE, true, -7, 1.5, new BigDecimal("12.50"), "a \"quoted\" text", new byte[] {1, 2, 3},
        LocalDate.of(2024, 1, 31), LocalTime.of(13, 45, 0, 250_000_000), Instant.parse("2024-01-31T13:45:00.250Z"),
        List.of("x", "y"), map, null};

    StringWriter json = new StringWriter();
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(json)) {
      ResultJson.writeRow(g, row, schema);
    }
    Object[] back = PullForwarder.row(Json.mapper().readTree(json.toString()), schema);

    assertEquals(row.length, back.length);
    for (int i = 0; i < row.length; i++) {
      if (row[i] instanceof byte[] bytes) {
        assertArrayEquals(bytes, (byte[]) back[i]);
      } else {
        assertEquals(row[i], back[i], schema.column(i).name());
      }
    }
  }
}
